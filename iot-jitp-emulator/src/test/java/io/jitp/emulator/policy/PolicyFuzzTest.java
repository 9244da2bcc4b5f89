package io.jitp.emulator.policy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a policy document, action or resource holds, parsing fails only with the documented
 * {@link IllegalArgumentException} (which CreatePolicy turns into MalformedPolicyException) and evaluation never
 * fails at all: a document it cannot read grants nothing. The input is {@code action\nresource\ndocument}.
 */
class PolicyFuzzTest {
    private static final String ARN = "arn:aws:iot:eu-west-1:123456789012:";
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();
    private static PolicyContext device;

    /** The seed's policy, variables, wildcards and conditions, for the fuzzer to mutate. */
    static Stream<byte[]> seeds() {
        return Stream.of(
                "iot:Connect\n" + ARN + "client/dev-1\n{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                        + "\"Allow\",\"Action\":[\"iot:Connect\"],\"Resource\":[\"" + ARN
                        + "client/${iot:Connection.Thing.ThingName}\"]}]}",
                "iot:Publish\n" + ARN + "topic/a/b\n{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"iot:*\","
                        + "\"Resource\":\"" + ARN + "topic/${iot:Certificate.Subject.CommonName}/?*\","
                        + "\"Condition\":{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}}}",
                "iot:Subscribe\n" + ARN + "topicfilter/$aws/things/x/#\n{\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"iot:Subscribe\",\"Resource\":\"" + ARN
                        + "topicfilter/${iot:Connection.Thing.Attributes[a]}/${iot:ClientId}/*\"}]}")
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void anyPolicyIsReadOrRefusedWithAReason(byte[] input) throws Exception {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String document = parts[parts.length - 1];
        try {
            assertNotNull(PolicyDocument.parse(document).statements());
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
        }
        String action = parts.length > 1 ? parts[0] : "iot:Connect";
        String resource = parts.length > 2 ? parts[1] : ARN + "client/dev-1";
        EVALUATOR.isAllowed(action, resource, List.of(document), device());
    }

    private static synchronized PolicyContext device() throws Exception {
        if (device == null) {
            X509Certificate certificate = TestCertificates.withNames("CN=dev-1,O=acme", "CN=root");
            device = new PolicyContext("dev-1", certificate, new ConnectedThing("dev-1", "sensor",
                    Map.of("a", "b")));
        }
        return device;
    }
}
