package io.jitp.emulator.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.cfn.CloudFormationService;
import io.jitp.emulator.cfn.resources.IamRoleProvisioner;
import io.jitp.emulator.cfn.resources.IotPolicyProvisioner;
import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.cfn.resources.TopicRuleProvisioner;
import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.rest.IotRestApi;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Whatever request reaches the control plane, the answer is AWS's: a 2xx, or a 4xx in the error shape of the
 * protocol spoken ({@code x-amzn-ErrorType} and a JSON {@code message} for REST, an {@code ErrorResponse} document
 * for the query protocol), and never a 500 carrying a Java exception. The input is an HTTP request in text form
 * ({@code METHOD target}, header lines, a blank line, the body); it is signed like an SDK would, so that it gets past
 * the signature check to the parsers and the routes; the unsigned request also goes through, to the signature check.
 */
class ControlPlaneFuzzTest {
    private static final String KEY = "AKIAFUZZ000000000000";
    private static final String SECRET = "fuzz-secret";
    private static final String REGION = "eu-west-1";
    private static FrontDoor frontDoor;

    /** Requests of each kind the AWS CLI and SDK send, for the fuzzer to mutate. */
    static Stream<byte[]> seeds() {
        return Stream.of(
                "GET /things?maxResults=5&nextToken=abc\n\n",
                "POST /things/sensor-1\ncontent-type: application/json\n\n{\"attributePayload\":{\"attributes\":"
                        + "{\"a\":\"b\"}},\"thingTypeName\":\"t\"}",
                "POST /policies/p1\ncontent-type: application/json\n\n{\"policyDocument\":\"{\\\"Statement\\\":[]}\"}",
                "PUT /cacertificate/abc?newStatus=ACTIVE&newAutoRegistrationStatus=ENABLE\n\n"
                        + "{\"registrationConfig\":{\"templateBody\":\"{}\",\"roleArn\":\"arn:aws:iam::1:role/r\"}}",
                "POST /cacertificate?setAsActive=true&allowAutoRegistration=true\n\n{\"caCertificate\":\"-----BEGIN "
                        + "CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\",\"certificateMode\":\"SNI_ONLY\"}",
                "DELETE /certificates/00ff?forceDelete=true\n\n",
                "GET /endpoint?endpointType=iot%3AData-ATS\n\n",
                "PUT /principal-policies/p1\nx-amzn-iot-principal: arn:aws:iot:eu-west-1:1:cert/ab\n\n",
                "POST /\ncontent-type: application/x-www-form-urlencoded; charset=utf-8\n\nAction=CreateStack"
                        + "&Version=2010-05-15&StackName=s&TemplateBody=Resources%3A%0A%20%20Q%3A%0A%20%20%20%20Type"
                        + "%3A%20AWS%3A%3AIAM%3A%3ARole&Parameters.member.1.ParameterKey=P"
                        + "&Parameters.member.1.ParameterValue=v&Capabilities.member.1=CAPABILITY_IAM",
                "POST /\ncontent-type: application/x-www-form-urlencoded\n\nAction=DescribeStacks&StackName=s")
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void everyRequestGetsAnAwsShapedAnswer(byte[] input) throws IOException {
        Request request = Request.parse(new String(input, StandardCharsets.UTF_8));
        if (request == null) {
            return;
        }
        assertAwsShaped(request.unsigned());
        ReceivedRequest signed = request.signed();
        if (signed != null) {
            assertAwsShaped(signed);
        }
    }

    private static void assertAwsShaped(ReceivedRequest request) throws IOException {
        HttpReply reply;
        try {
            reply = frontDoor().serve(request);
        } catch (IllegalArgumentException malformed) {
            assertNotNull(malformed.getMessage()); // FrontDoor answers these with 400 InvalidRequestException
            return;
        }
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        assertTrue(reply.status() < 500, () -> reply.status() + " " + body);
        if (reply.status() >= 400) {
            assertTrue(reply.headers().containsKey("x-amzn-ErrorType") && body.startsWith("{\"message\":")
                    || body.startsWith("<ErrorResponse"), body);
        }
    }

    private static synchronized FrontDoor frontDoor() throws IOException {
        if (frontDoor == null) {
            Path state = Files.createTempDirectory("control-plane-fuzz");
            IotRegistry registry = IotRegistry.open(state, REGION, "123456789012");
            CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("stand-in"),
                    KeyAlgorithm.EC_P256, 10);
            frontDoor = new FrontDoor(new SignatureVerifier(KEY, SECRET, REGION, Clock.systemUTC()),
                    new IotRestApi(registry, () -> ca, "data.local"), EmulatorConfig.DEFAULT_MAX_REQUEST_BYTES,
                    FaultPlan.NONE);
            frontDoor.setQueryProtocolHandler(new CallerIdentity("123456789012", KEY).wrapping(
                    new CloudFormationService(REGION, "123456789012", new ResourceTypes()
                            // Every type but SQS, whose provisioner needs a running queue server.
                            .register("AWS::IAM::Role", new IamRoleProvisioner())
                            .register("AWS::IoT::Policy", new IotPolicyProvisioner(registry))
                            .register("AWS::IoT::TopicRule", new TopicRuleProvisioner(registry)), null)));
        }
        return frontDoor;
    }

    /** A request in text form. */
    private record Request(String method, String target, Map<String, String> headers, byte[] body) {
        static Request parse(String text) {
            int end = text.indexOf("\n\n");
            String head = end < 0 ? text : text.substring(0, end);
            byte[] body = end < 0 ? new byte[0] : text.substring(end + 2).getBytes(StandardCharsets.UTF_8);
            String[] lines = head.split("\n");
            String[] requestLine = lines.length == 0 ? new String[0] : lines[0].split(" ", 2);
            if (requestLine.length < 2 || !requestLine[1].startsWith("/")) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Request(requestLine[0], requestLine[1], headers, body);
        }

        ReceivedRequest unsigned() {
            int query = target.indexOf('?');
            return new ReceivedRequest(method, query < 0 ? target : target.substring(0, query),
                    query < 0 ? null : target.substring(query + 1), lists(headers), body);
        }

        /** @return the request signed as an SDK would, or null when no SDK could send it */
        ReceivedRequest signed() {
            URI uri;
            SdkHttpRequest.Builder builder;
            try {
                SdkHttpMethod sdkMethod = SdkHttpMethod.fromValue(method);
                uri = URI.create("http://127.0.0.1:4566" + target);
                if (sdkMethod == null) {
                    return null;
                }
                builder = SdkHttpRequest.builder().method(sdkMethod).uri(uri);
            } catch (IllegalArgumentException notSendable) {
                return null;
            }
            headers.forEach((name, value) -> {
                if (!name.equals("host")) { // the signer sets it from the URL, as an SDK does
                    builder.putHeader(name, value);
                }
            });
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(KEY, SECRET))
                    .request(builder.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iot")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)).request();
            Map<String, List<String>> signedHeaders = new LinkedHashMap<>();
            signed.headers().forEach((name, values) -> signedHeaders.put(name.toLowerCase(Locale.ROOT), values));
            return new ReceivedRequest(method, uri.getRawPath(), uri.getRawQuery(), signedHeaders, body);
        }

        private static Map<String, List<String>> lists(Map<String, String> headers) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            headers.forEach((name, value) -> lists.put(name, List.of(value)));
            return lists;
        }
    }
}
