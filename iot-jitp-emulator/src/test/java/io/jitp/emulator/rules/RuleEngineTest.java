package io.jitp.emulator.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.SqsAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleEngineTest {

    private static final String QUEUE = "http://127.0.0.1:9324/123456789012/q";

    @TempDir
    Path state;
    private IotRegistry registry;
    private final List<String> sent = new ArrayList<>();
    private RuleEngine engine;

    @BeforeEach
    void registry() throws Exception {
        registry = IotRegistry.open(state, "eu-west-1", "123456789012");
        engine = new RuleEngine(registry, (url, body) -> sent.add(url + " " + body));
    }

    private void publish(String topic, String payload) {
        engine.run(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchingRulesSendThePayloadToTheirQueue() {
        registry.createTopicRule("plain", "SELECT * FROM 'loadtest'", "2016-03-23", false,
                List.of(new SqsAction(QUEUE, "arn:aws:iam::123456789012:role/r", false)));
        publish("loadtest", "{\"device\":\"pub0\"}");
        publish("loadtest/pub0", "{\"device\":\"pub0\"}");
        assertEquals(List.of(QUEUE + " {\"device\":\"pub0\"}"), sent);
    }

    @Test
    void base64AndWhereClauses() {
        registry.createTopicRule("hot", "SELECT * FROM 'sensors/+' WHERE temperature > 30", "2016-03-23", false,
                List.of(new SqsAction(QUEUE, "role", true)));
        publish("sensors/a", "{\"temperature\":20}");
        publish("sensors/b", "{\"temperature\":40}");
        publish("sensors/c", "not json");
        String expected = Base64.getEncoder().encodeToString("{\"temperature\":40}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(QUEUE + " " + expected), sent);
    }

    @Test
    void disabledRulesDoNothingAndChangesApplyAtOnce() {
        registry.createTopicRule("off", "SELECT * FROM 't'", "2016-03-23", true,
                List.of(new SqsAction(QUEUE, "role", false)));
        publish("t", "a");
        assertTrue(sent.isEmpty());
        registry.setTopicRuleEnabled("off", true);
        publish("t", "b");
        assertEquals(List.of(QUEUE + " b"), sent);
    }

    @Test
    void ruleErrorsAreLoggedAndOtherRulesStillRun() {
        RuleEngine failing = new RuleEngine(registry, (url, body) -> {
            if (url.endsWith("broken")) {
                throw new IllegalStateException("queue does not exist");
            }
            sent.add(body);
        });
        registry.createTopicRule("a_broken", "SELECT * FROM 't'", "2016-03-23", false,
                List.of(new SqsAction(QUEUE + "broken", "role", false)));
        registry.createTopicRule("b_unsupported", "SELECT temperature FROM 't'", "2016-03-23", false,
                List.of(new SqsAction(QUEUE, "role", false)));
        registry.createTopicRule("c_fine", "SELECT * FROM 't'", "2016-03-23", false,
                List.of(new SqsAction(QUEUE, "role", false)));
        failing.run("t", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("x"), sent);
        failing.close();
    }
}
