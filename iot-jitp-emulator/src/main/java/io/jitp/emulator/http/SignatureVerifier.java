package io.jitp.emulator.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 the only trustworthy way: by signing the request as received again, with the
 * AWS SDK's own SigV4 request signer and the configured secret, at the time the client claims, and comparing
 * signatures.
 * The signing service name is not insisted on (the AWS CLI v2 signs IoT calls as {@code execute-api}).
 */
public final class SignatureVerifier {
    /** AWS refuses requests signed more than this far from its clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]+)\\s*");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> SERVICES = Set.of("iot", "execute-api", "cloudformation", "sqs", "sts");

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final Clock clock;

    /**
     * @param accessKeyId the only access key accepted
     * @param secretAccessKey its secret
     * @param region the only region accepted in the credential scope
     * @param clock the stand-in's clock, for the skew check
     */
    public SignatureVerifier(String accessKeyId, String secretAccessKey, String region, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.clock = clock;
    }

    /**
     * @param request the request as received
     * @return the signing name of the service in the credential scope ({@code iot}, {@code sqs}, …)
     * @throws AuthenticationFailure if it is not signed with the configured credentials
     */
    public String verify(ReceivedRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw AuthenticationFailure.missing();
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            throw AuthenticationFailure.incomplete("Authorization header requires AWS4-HMAC-SHA256 with"
                    + " 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }
        String[] scope = parts.group(1).split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            throw AuthenticationFailure.incomplete("Credential must have the form"
                    + " <access key>/<date>/<region>/<service>/aws4_request.");
        }
        if (!scope[0].equals(accessKeyId)) {
            throw AuthenticationFailure.unknownAccessKey();
        }
        if (!scope[2].equals(region)) {
            throw AuthenticationFailure.invalid("Credential should be scoped to a valid region, not '" + scope[2]
                    + "'. This stand-in serves region " + region + ".");
        }
        if (!SERVICES.contains(scope[3])) {
            throw AuthenticationFailure.invalid("Credential should be scoped to a correct service, not '"
                    + scope[3] + "'.");
        }
        Instant signedAt = signingTime(request);
        List<String> signedHeaders = Arrays.asList(parts.group(2).split(";"));
        String expected = recompute(request, signedHeaders, scope[3], signedAt);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw AuthenticationFailure.badSignature();
        }
        return scope[3];
    }

    private Instant signingTime(ReceivedRequest request) {
        String date = request.header("x-amz-date");
        if (date == null) {
            throw AuthenticationFailure.incomplete("Authorization requires the X-Amz-Date header.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(date));
        } catch (DateTimeParseException e) {
            throw AuthenticationFailure.incomplete("X-Amz-Date must look like 20150830T123600Z, not " + date);
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw AuthenticationFailure.invalid("Signature expired: " + date + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        return signedAt;
    }

    private String recompute(ReceivedRequest request, List<String> signedHeaders, String service,
            Instant signedAt) {
        if (request.header("host") == null || !signedHeaders.contains("host")) {
            throw AuthenticationFailure.incomplete("The Host header must be signed.");
        }
        SdkHttpRequest.Builder received = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create("http://" + request.header("host")))
                .encodedPath(request.rawPath())
                .rawQueryParameters(ReceivedRequest.decodeAll(request.rawQuery(), false));
        for (String name : signedHeaders) {
            String value = request.header(name);
            if (value == null) {
                throw AuthenticationFailure.incomplete("Signed header " + name + " is missing from the request.");
            }
            received.putHeader(name, value);
        }
        // The SDK's public signer always adds (and signs) x-amz-content-sha256, which the AWS CLI neither sends nor
        // signs; its request signer, given the payload hash, signs exactly the headers the client signed.
        V4Properties properties = V4Properties.builder()
                .credentials(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                .credentialScope(new CredentialScope(region, service, signedAt))
                .signingClock(Clock.fixed(signedAt, ZoneOffset.UTC))
                .doubleUrlEncode(true).normalizePath(true).build();
        return V4RequestSigner.create(properties, contentHash(request)).sign(received).getSignature();
    }

    /** The payload hash: the body's own, unless the client declared one (S3 style), which must then be true. */
    private static String contentHash(ReceivedRequest request) {
        String actual = HexFormat.of().formatHex(SignerUtils.hash(request.body()));
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            return actual;
        }
        if (!declared.equals(actual) && !declared.equals("UNSIGNED-PAYLOAD")) {
            throw AuthenticationFailure.invalid("The provided 'x-amz-content-sha256' header does not match what"
                    + " was computed.");
        }
        return declared;
    }
}
