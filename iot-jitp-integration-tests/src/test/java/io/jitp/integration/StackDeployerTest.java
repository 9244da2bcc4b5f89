package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.aws.AwsEndpointOverride;
import io.jitp.core.aws.Target;
import io.jitp.core.stacks.StackDeployer;
import io.jitp.core.stacks.StackFailedException;
import io.jitp.core.stacks.StackResult;
import io.jitp.core.stacks.StackTemplate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.cloudformation.model.Capability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * deploy-stack's core against a real stand-in: the three bundled templates created (one through the {@code aws}
 * code path with the endpoint override), a rerun that changes nothing, a failing resource's reason, deletion.
 */
class StackDeployerTest {
    private static final List<Capability> NAMED_IAM = List.of(Capability.CAPABILITY_NAMED_IAM);

    @TempDir
    static Path state;
    @TempDir
    static Path work;
    static StandInFixture standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = new StandInFixture(state, true);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static StackDeployer deployer(AwsClients clients) {
        return new StackDeployer(clients.cloudFormation(), standIn.reporter, Duration.ofMillis(50));
    }

    @Test
    void deploysTheProvisioningStackThroughTheAwsPathThenFindsNoChanges() throws Exception {
        AwsConnection aws = AwsConnections.aws(standIn.endpoints.region(), null, AwsConnections.staticCredentials(
                standIn.endpoints.accessKeyId(), standIn.endpoints.secretAccessKey()),
                AwsEndpointOverride.of(standIn.endpoints));
        assertEquals(Target.AWS, aws.target());
        assertEquals(standIn.endpoints.accountId(), aws.accountId(), "account from STS GetCallerIdentity");
        assertEquals("localhost", aws.mqttHost(), "host from DescribeEndpoint iot:Data-ATS");
        assertTrue(aws.describe().startsWith("Target: AWS (endpoints overridden: "), aws.describe());
        try (AwsClients clients = new AwsClients(aws)) {
            StackResult created = deployer(clients).deploy("jitp", StackTemplate.bundled("jitp-provisioning"),
                    Map.of(), NAMED_IAM);
            assertTrue(created.changed());
            assertEquals("CREATE_COMPLETE", created.status());
            assertEquals("arn:aws:iam::" + aws.accountId() + ":role/IoTProvisioning",
                    created.outputs().get("ProvisioningRoleArn"));
            assertEquals("IoTAccess", created.outputs().get("DevicePolicyName"));
            String policy = clients.iot().getPolicy(r -> r.policyName("IoTAccess")).policyDocument();
            assertTrue(policy.contains("client/${iot:Certificate.Subject.CommonName}"), policy);

            StackResult again = deployer(clients).deploy("jitp", StackTemplate.bundled("jitp-provisioning"),
                    Map.of(), NAMED_IAM);
            assertFalse(again.changed());
            assertEquals(created.outputs(), again.outputs());
            assertTrue(standIn.log.contains("Stack jitp is up to date: no changes"), standIn.log.toString());

            Path file = work.resolve("stacks/jitp.json");
            created.write(file);
            assertEquals(created.outputs(), StackResult.readOutputs(file));
        }
    }

    @Test
    void deploysTheForwardingStackWithATopicParameterKeepsItOnUpdateAndDeletesIt() {
        StackDeployer deployer = deployer(standIn.clients);
        StackResult created = deployer.deploy("forwarding", StackTemplate.bundled("sqs-forwarding"),
                Map.of("TopicName", "telemetry"), NAMED_IAM);
        assertEquals("telemetryQueue", created.outputs().get("QueueName"));
        assertTrue(standIn.clients.sqs().listQueues().queueUrls().stream().anyMatch(u -> u.endsWith(
                "/telemetryQueue")));
        assertEquals("SELECT * FROM 'telemetry'", standIn.clients.iot().getTopicRule(r -> r.ruleName(
                "telemetrySQSPublisher")).rule().sql());
        assertTrue(standIn.log.stream().anyMatch(l -> l.matches(
                "\\s+CREATE_COMPLETE\\s+AWS::Lambda::Function\\s+Logger .*")), standIn.log.toString());

        StackResult kept = deployer.deploy("forwarding", StackTemplate.bundled("sqs-forwarding"), Map.of(),
                NAMED_IAM);
        assertFalse(kept.changed(), "an update without TopicName keeps telemetry instead of the default loadtest");
        assertEquals("telemetryQueue", kept.outputs().get("QueueName"));

        assertTrue(deployer.delete("forwarding"));
        assertTrue(deployer.describe("forwarding").isEmpty());
        assertFalse(deployer.delete("forwarding"), "a second delete finds nothing");
    }

    @Test
    void aFailingResourceNamesItsReason() throws Exception {
        StackDeployer deployer = deployer(standIn.clients);
        StackResult policy = deployer.deploy("loadtest", StackTemplate.bundled("loadtest-policy"), Map.of(),
                NAMED_IAM);
        assertEquals("LoadTestPolicy", policy.outputs().get("PolicyName"));

        Path clash = work.resolve("clash.yaml");
        Files.writeString(clash, StackTemplate.bundled("loadtest-policy").body());
        StackTemplate userTemplate = StackTemplate.resolve("clash.yaml", work);
        assertEquals("clash", userTemplate.name());
        StackFailedException failure = assertThrows(StackFailedException.class,
                () -> deployer.deploy("clash", userTemplate, Map.of(), NAMED_IAM));
        assertTrue(failure.getMessage().startsWith("Stack clash ended ROLLBACK_COMPLETE: resource LoadTestPolicy"
                + " (AWS::IoT::Policy) failed: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("LoadTestPolicy"), failure.getMessage());
    }
}
