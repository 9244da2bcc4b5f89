package io.jitp.emulator.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Raw HTTP requests signed (or not) exactly as a test wants, to probe the front door's verification. */
public final class SignedHttp {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private SignedHttp() {
    }

    /** How to sign: credentials, service name, region, clock; null credentials send no signature. */
    public record Signing(String accessKeyId, String secret, String service, String region, Clock clock) {
    }

    /**
     * @param method the HTTP method
     * @param url the full URL (path and query already encoded)
     * @param headers extra headers, signed
     * @param body the body (empty for none)
     * @param signing how to sign, or null to send unsigned
     * @return the response
     */
    public static HttpResponse<String> send(String method, URI url, Map<String, String> headers, String body,
            Signing signing) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(url);
        headers.forEach(request::putHeader);
        SdkHttpRequest toSend = request.build();
        if (signing != null) {
            toSend = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secret()))
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                    .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock())).request();
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        toSend.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        return CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }
}
