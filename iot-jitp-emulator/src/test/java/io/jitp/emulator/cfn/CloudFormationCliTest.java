package io.jitp.emulator.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.testing.AwsCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aws cloudformation deploy} (change sets, waiters, describe-stacks) as the seed's Makefiles run it. */
class CloudFormationCliTest {

    @TempDir
    Path state;
    @TempDir
    Path home;

    /** The CLI pointed at one fixture, deploying one template file. */
    private final class Deployer {
        final AwsCli aws;
        final String endpoint;
        final Path template;

        Deployer(CloudFormationFixture fixture, String templateName) throws IOException {
            aws = AwsCli.requireInstalled(home, CloudFormationFixture.REGION, fixture.endpoints.accessKeyId(),
                    fixture.endpoints.secretAccessKey());
            endpoint = fixture.endpoint().toString();
            template = Files.writeString(home.resolve(templateName), CloudFormationFixture.template(templateName));
        }

        AwsCli.Result deploy(String stackName, String... options) throws IOException, InterruptedException {
            List<String> arguments = new ArrayList<>(List.of("cloudformation", "deploy", "--stack-name", stackName,
                    "--template-file", template.toString()));
            arguments.addAll(List.of(options));
            return aws.run(endpoint, arguments.toArray(String[]::new));
        }

        JsonNode json(String... arguments) throws IOException, InterruptedException {
            AwsCli.Result result = aws.run(endpoint, arguments);
            assertEquals(0, result.exitCode(), result::toString);
            return new ObjectMapper().readTree(result.stdout());
        }
    }

    @Test
    void deployOfTheMainStackThenDescribeStacksThenAnUnchangedRedeploy() throws Exception {
        try (CloudFormationFixture fixture = new CloudFormationFixture(state)) {
            Deployer cli = new Deployer(fixture, "main-stack.yaml");
            AwsCli.Result deployed = cli.deploy("iot-policy", "--capabilities", "CAPABILITY_NAMED_IAM");
            assertEquals(0, deployed.exitCode(), deployed::toString);
            assertTrue(deployed.stdout().contains("Successfully created/updated stack - iot-policy"), deployed::toString);

            JsonNode stack = cli.json("cloudformation", "describe-stacks", "--stack-name", "iot-policy").path("Stacks").get(0);
            assertEquals("CREATE_COMPLETE", stack.path("StackStatus").asText());
            assertEquals("arn:aws:iam::" + fixture.account() + ":role/IoTProvisioning",
                    stack.path("Outputs").findValues("OutputValue").stream().map(JsonNode::asText)
                            .filter(v -> v.startsWith("arn:aws:iam")).findFirst().orElseThrow());
            assertTrue(fixture.registry.findPolicy("IoTAccess").isPresent());

            AwsCli.Result again = cli.deploy("iot-policy", "--capabilities", "CAPABILITY_NAMED_IAM",
                    "--no-fail-on-empty-changeset");
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.stdout().contains("No changes to deploy"), again::toString);

            AwsCli.Result refused = cli.deploy("other");
            assertTrue(refused.exitCode() != 0, refused::toString);
            assertTrue(refused.stderr().contains("InsufficientCapabilities"), refused::toString);
        }
    }

    @Test
    void deployWithParameterOverridesThenAnUpdateThroughAChangeSet() throws Exception {
        try (CloudFormationFixture fixture = new CloudFormationFixture(state)) {
            Deployer cli = new Deployer(fixture, "sqs-stack.yaml");
            for (String topic : new String[] {"telemetry", "alarms"}) {
                AwsCli.Result deployed = cli.deploy("loadtest-stack", "--capabilities", "CAPABILITY_IAM",
                        "--parameter-overrides", "TopicName=" + topic);
                assertEquals(0, deployed.exitCode(), deployed::toString);
                assertTrue(fixture.registry.findTopicRule(topic + "SQSPublisher").isPresent(), topic);
            }
            assertEquals("UPDATE_COMPLETE", fixture.service.stack("loadtest-stack").orElseThrow().status());
            assertEquals(List.of(fixture.queues.queueUrl("alarmsQueue")), fixture.sqs.listQueues().queueUrls());
            JsonNode newest = cli.json("cloudformation", "describe-stack-events", "--stack-name", "loadtest-stack")
                    .path("StackEvents").get(0);
            assertEquals("UPDATE_COMPLETE", newest.path("ResourceStatus").asText());
            assertEquals("loadtest-stack", newest.path("LogicalResourceId").asText());

            cli.json("cloudformation", "delete-stack", "--stack-name", "loadtest-stack");
            AwsCli.Result waited = cli.aws.run(cli.endpoint, "cloudformation", "wait", "stack-delete-complete",
                    "--stack-name", "loadtest-stack");
            assertEquals(0, waited.exitCode(), waited::toString);
            assertTrue(fixture.sqs.listQueues().queueUrls().isEmpty());
        }
    }
}
