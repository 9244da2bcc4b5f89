package io.jitp.emulator.iot.rest;

import static io.jitp.emulator.testing.AwsErrorAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.StandInApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.Action;
import software.amazon.awssdk.services.iot.model.GetTopicRuleResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.SqlParseException;
import software.amazon.awssdk.services.iot.model.TopicRuleListItem;
import software.amazon.awssdk.services.iot.model.UnauthorizedException;

/** Topic rules and DescribeEndpoint through the AWS SDK for Java v2. */
class TopicRuleAndEndpointApiTest extends StandInApiTest {

    @Test
    void topicRuleLifecycle() {
        Action sqs = Action.builder().sqs(s -> s.queueUrl("http://127.0.0.1:1/000000000000/loadtestQueue")
                .roleArn("arn:aws:iam::123456789012:role/IoTSqs").useBase64(false)).build();
        Action lambda = Action.builder().lambda(l -> l.functionArn("arn:aws:lambda:eu-west-1:123456789012:function:f"))
                .build();
        Action republish = Action.builder().republish(p -> p.topic("errors").roleArn("arn:aws:iam::1:role/r")).build();
        iot.createTopicRule(r -> r.ruleName("loadtestSQSPublisher").topicRulePayload(p -> p
                .sql("SELECT * FROM 'loadtest'").awsIotSqlVersion("2016-03-23").actions(sqs, lambda)
                .errorAction(republish)));
        GetTopicRuleResponse rule = iot.getTopicRule(r -> r.ruleName("loadtestSQSPublisher"));
        assertEquals("arn:aws:iot:eu-west-1:123456789012:rule/loadtestSQSPublisher", rule.ruleArn());
        assertEquals("SELECT * FROM 'loadtest'", rule.rule().sql());
        assertEquals("2016-03-23", rule.rule().awsIotSqlVersion());
        assertEquals(List.of(sqs, lambda), rule.rule().actions());
        assertEquals(republish, rule.rule().errorAction());
        assertFalse(rule.rule().ruleDisabled());
        assertAwsError(ResourceAlreadyExistsException.class, 409, () -> iot.createTopicRule(r -> r
                .ruleName("loadtestSQSPublisher").topicRulePayload(p -> p.sql("SELECT * FROM 'x'").actions(sqs))));
        assertAwsError(SqlParseException.class, 400, () -> iot.createTopicRule(r -> r.ruleName("bad")
                .topicRulePayload(p -> p.sql("DELETE everything").actions(sqs))));

        iot.disableTopicRule(r -> r.ruleName("loadtestSQSPublisher"));
        List<TopicRuleListItem> rules = iot.listTopicRules(r -> r.topic("loadtest")).rules();
        assertEquals(1, rules.size());
        assertTrue(rules.get(0).ruleDisabled());
        assertEquals("loadtest", rules.get(0).topicPattern());
        iot.enableTopicRule(r -> r.ruleName("loadtestSQSPublisher"));
        assertFalse(iot.getTopicRule(r -> r.ruleName("loadtestSQSPublisher")).rule().ruleDisabled());

        iot.replaceTopicRule(r -> r.ruleName("loadtestSQSPublisher").topicRulePayload(p -> p
                .sql("SELECT * FROM 'other'").actions(sqs)));
        assertEquals("SELECT * FROM 'other'", iot.getTopicRule(r -> r.ruleName("loadtestSQSPublisher")).rule().sql());

        iot.deleteTopicRule(r -> r.ruleName("loadtestSQSPublisher"));
        assertAwsError(UnauthorizedException.class, 401, () -> iot.getTopicRule(r -> r
                .ruleName("loadtestSQSPublisher")));
    }

    @Test
    void describeEndpointNamesTheLocalDataEndpoint() {
        assertEquals("localhost", iot.describeEndpoint(r -> r.endpointType("iot:Data-ATS")).endpointAddress());
        assertEquals("localhost", iot.describeEndpoint(r -> { }).endpointAddress());
        assertAwsError(InvalidRequestException.class, 400,
                () -> iot.describeEndpoint(r -> r.endpointType("iot:CredentialProvider")));
    }
}
