package io.jitp.emulator.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final String ARN = "arn:aws:iot:eu-west-1:123456789012:";
    private static PolicyContext device;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @BeforeAll
    static void device() throws Exception {
        X509Certificate certificate = TestCertificates.withNames("CN=dev-1", "CN=root");
        device = new PolicyContext("dev-1", certificate, null);
    }

    private boolean allowed(String action, String resource, String... documents) {
        return evaluator.isAllowed(action, ARN + resource, List.of(documents), device);
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + action
                + ",\"Resource\":" + resource + "}]}";
    }

    @Test
    void defaultDeny() {
        assertFalse(allowed(IotActions.PUBLISH, "topic/a"));
        assertFalse(allowed(IotActions.PUBLISH, "topic/a", allow("\"iot:Subscribe\"", "\"*\"")));
    }

    @Test
    void actionAndResourceAsStringOrList() {
        String policy = allow("[\"iot:Publish\",\"iot:Receive\"]", "[\"" + ARN + "topic/a\",\"" + ARN + "topic/b\"]");
        assertTrue(allowed(IotActions.PUBLISH, "topic/a", policy));
        assertTrue(allowed(IotActions.RECEIVE, "topic/b", policy));
        assertFalse(allowed(IotActions.SUBSCRIBE, "topicfilter/a", policy));
        assertFalse(allowed(IotActions.PUBLISH, "topic/c", policy));
        assertTrue(allowed(IotActions.CONNECT, "client/x", allow("\"iot:*\"", "\"*\"")));
        assertTrue(allowed(IotActions.CONNECT, "client/x", allow("\"*\"", "\"*\"")));
    }

    @Test
    void explicitDenyWinsAcrossPolicies() {
        String allowAll = allow("\"iot:*\"", "\"*\"");
        String deny = "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"iot:Publish\",\"Resource\":\"" + ARN
                + "topic/secret/*\"}}";
        assertTrue(allowed(IotActions.PUBLISH, "topic/open", allowAll, deny));
        assertFalse(allowed(IotActions.PUBLISH, "topic/secret/x", allowAll, deny));
        assertFalse(allowed(IotActions.PUBLISH, "topic/secret/x", deny, allowAll));
    }

    @Test
    void policyVariablesInResources() {
        String policy = allow("\"iot:Connect\"", "\"" + ARN + "client/${iot:Certificate.Subject.CommonName}\"");
        assertTrue(allowed(IotActions.CONNECT, "client/dev-1", policy));
        assertFalse(allowed(IotActions.CONNECT, "client/dev-2", policy));
        String unresolvable = allow("\"iot:Connect\"", "\"" + ARN + "client/${iot:Connection.Thing.ThingName}\"");
        assertFalse(allowed(IotActions.CONNECT, "client/dev-1", unresolvable));
    }

    @Test
    void mqttWildcardsInResourcesAreLiteral() {
        String policy = allow("\"iot:Subscribe\"", "\"" + ARN + "topicfilter/sensors/#\"");
        assertTrue(allowed(IotActions.SUBSCRIBE, "topicfilter/sensors/#", policy));
        assertFalse(allowed(IotActions.SUBSCRIBE, "topicfilter/sensors/a", policy));
    }

    @Test
    void notActionAndNotResource() {
        String notAction = "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iot:Publish\",\"Resource\":\"*\"}]}";
        assertFalse(allowed(IotActions.PUBLISH, "topic/a", notAction));
        assertTrue(allowed(IotActions.RECEIVE, "topic/a", notAction));
        String notResource = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"NotResource\":\""
                + ARN + "topic/private/*\"}]}";
        assertTrue(allowed(IotActions.PUBLISH, "topic/public", notResource));
        assertFalse(allowed(IotActions.PUBLISH, "topic/private/x", notResource));
    }

    @Test
    void conditionsFailClosed() {
        String conditionalAllow = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}}]}";
        assertFalse(allowed(IotActions.PUBLISH, "topic/a", conditionalAllow));
        String conditionalDeny = conditionalAllow.replace("Allow", "Deny");
        assertFalse(allowed(IotActions.PUBLISH, "topic/a", allow("\"iot:*\"", "\"*\""), conditionalDeny));
    }

    @Test
    void malformedDocumentsGrantNothing() {
        assertFalse(allowed(IotActions.PUBLISH, "topic/a", "not json"));
        assertFalse(allowed(IotActions.PUBLISH, "topic/a", "{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}]}"));
        assertTrue(allowed(IotActions.PUBLISH, "topic/a", "garbage", allow("\"iot:Publish\"", "\"*\"")));
    }
}
