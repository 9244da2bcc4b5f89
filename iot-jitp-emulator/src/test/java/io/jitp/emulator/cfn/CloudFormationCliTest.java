package io.jitp.emulator.cfn;

import static io.jitp.emulator.cfn.CloudFormationFixture.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.testing.AwsCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aws cloudformation deploy} (change set, waiters, describe-stacks) as the seed's Makefile runs it. */
class CloudFormationCliTest {

    @TempDir
    Path state;
    @TempDir
    Path home;

    @Test
    void deployOfTheMainStackThenDescribeStacksThenAnUnchangedRedeploy() throws Exception {
        AwsCli aws = AwsCli.requireInstalled(home, CloudFormationFixture.REGION, "AKIDSTANDIN", "stand-in-secret");
        try (CloudFormationFixture fixture = new CloudFormationFixture(state)) {
            Path template = home.resolve("cloudformation.yaml");
            Files.writeString(template, CloudFormationFixture.template("main-stack.yaml"));
            String endpoint = fixture.endpoint().toString();

            AwsCli.Result deployed = aws.run(endpoint, "cloudformation", "deploy", "--stack-name", "iot-policy",
                    "--template-file", template.toString(), "--capabilities", "CAPABILITY_NAMED_IAM");
            assertEquals(0, deployed.exitCode(), deployed::toString);
            assertTrue(deployed.stdout().contains("Successfully created/updated stack - iot-policy"), deployed::toString);

            AwsCli.Result described = aws.run(endpoint, "cloudformation", "describe-stacks", "--stack-name", "iot-policy");
            assertEquals(0, described.exitCode(), described::toString);
            JsonNode stack = new ObjectMapper().readTree(described.stdout()).path("Stacks").get(0);
            assertEquals("CREATE_COMPLETE", stack.path("StackStatus").asText());
            assertEquals("arn:aws:iam::" + ACCOUNT + ":role/IoTProvisioning",
                    stack.path("Outputs").findValues("OutputValue").stream().map(JsonNode::asText)
                            .filter(v -> v.startsWith("arn:aws:iam")).findFirst().orElseThrow());
            assertTrue(fixture.registry.findPolicy("IoTAccess").isPresent());

            AwsCli.Result again = aws.run(endpoint, "cloudformation", "deploy", "--stack-name", "iot-policy",
                    "--template-file", template.toString(), "--capabilities", "CAPABILITY_NAMED_IAM",
                    "--no-fail-on-empty-changeset");
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.stdout().contains("No changes to deploy"), again::toString);

            AwsCli.Result refused = aws.run(endpoint, "cloudformation", "deploy", "--stack-name", "other",
                    "--template-file", template.toString());
            assertTrue(refused.exitCode() != 0, refused::toString);
            assertTrue(refused.stderr().contains("InsufficientCapabilities"), refused::toString);
        }
    }
}
