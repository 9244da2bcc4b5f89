package io.jitp.emulator.cfn;

import static io.jitp.emulator.cfn.CloudFormationFixture.REGION;
import static io.jitp.emulator.cfn.CloudFormationFixture.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.iot.SqsAction;
import io.jitp.emulator.iot.TopicRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.InsufficientCapabilitiesException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

class CloudFormationServiceTest {

    @TempDir
    Path state;
    private CloudFormationFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new CloudFormationFixture(state);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Stack describe(String name) {
        return fixture.cloudFormation.describeStacks(b -> b.stackName(name)).stacks().get(0);
    }

    private static Map<String, String> outputs(Stack stack) {
        return stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }

    @Test
    void theSeedsThreeStacksDeployWithRealPoliciesQueueAndRule() {
        fixture.cloudFormation.createStack(b -> b.stackName("iot-policy").templateBody(template("main-stack.yaml"))
                .capabilities(Capability.CAPABILITY_NAMED_IAM));
        fixture.cloudFormation.createStack(b -> b.stackName("loadtest-stack").templateBody(template("sqs-stack.yaml"))
                .capabilities(Capability.CAPABILITY_IAM));
        fixture.cloudFormation.createStack(b -> b.stackName("loadtest-policy").templateBody(template("loadtest-stack.json")));

        Stack main = describe("iot-policy");
        assertEquals(StackStatus.CREATE_COMPLETE, main.stackStatus());
        assertEquals("arn:aws:iam::" + fixture.account() + ":role/IoTProvisioning", outputs(main).get("ProvisioningRoleArn"));
        String document = fixture.registry.findPolicy("IoTAccess").orElseThrow().document();
        assertTrue(document.contains("arn:aws:iot:" + REGION + ":" + fixture.account() + ":client/${iot:Certificate.Subject.CommonName}"), document);
        assertTrue(document.contains(":topic/${iot:Certificate.Subject.CommonName}"), document);
        assertTrue(fixture.registry.findPolicy("LoadTestPolicy").isPresent());

        Map<String, String> sqsOutputs = outputs(describe("loadtest-stack"));
        assertEquals("loadtestQueue", sqsOutputs.get("QueueName"));
        assertEquals("arn:aws:sqs:" + REGION + ":" + fixture.account() + ":loadtestQueue", sqsOutputs.get("QueueARN"));
        TopicRule rule = fixture.registry.findTopicRule("loadtestSQSPublisher").orElseThrow();
        assertEquals("SELECT * FROM 'loadtest'", rule.sql());
        assertEquals("2016-03-23", rule.sqlVersion());
        assertEquals(List.of(new SqsAction(sqsOutputs.get("QueueURL"),
                "arn:aws:iam::" + fixture.account() + ":role/" + fixture.service.stack("loadtest-stack").orElseThrow()
                        .resources().get("RuleRole").physicalId(), false)), rule.actions());

        assertEquals(sqsOutputs.get("QueueURL"), fixture.cloudFormation.describeStackResource(b -> b
                .stackName("loadtest-stack").logicalResourceId("Queue")).stackResourceDetail().physicalResourceId());
        assertEquals(List.of("Queue", "LambdaRole", "RuleRole", "Rule", "Logger", "QueueToLogger"),
                fixture.cloudFormation.listStackResources(b -> b.stackName("loadtest-stack")).stackResourceSummaries()
                        .stream().map(r -> r.logicalResourceId()).toList());
        fixture.sqs.sendMessage(b -> b.queueUrl(sqsOutputs.get("QueueURL")).messageBody("through the output URL"));
        assertEquals("through the output URL", fixture.sqs.receiveMessage(b -> b.queueUrl(sqsOutputs.get("QueueURL")))
                .messages().get(0).body());

        List<StackEvent> events = fixture.cloudFormation.describeStackEvents(b -> b.stackName("loadtest-stack")).stackEvents();
        assertEquals("CREATE_COMPLETE", events.get(0).resourceStatusAsString());
        assertEquals("loadtest-stack", events.get(0).logicalResourceId());
        assertEquals("CREATE_IN_PROGRESS", events.get(events.size() - 1).resourceStatusAsString());
        assertTrue(events.stream().anyMatch(e -> "Logger".equals(e.logicalResourceId())
                && e.resourceStatusReason() != null && e.resourceStatusReason().contains("does not run Lambda code")));
    }

    @Test
    void endpointsJsonNamesTheSqsEndpointThatStackQueuesLiveOn() throws Exception {
        io.jitp.emulator.EmulatorEndpoints published = io.jitp.emulator.EmulatorEndpoints.read(state).orElseThrow();
        assertEquals(fixture.queues.endpoint(), published.sqsEndpoint());
        fixture.cloudFormation.createStack(b -> b.stackName("queue").templateBody(
                "Resources: {Q: {Type: 'AWS::SQS::Queue', Properties: {QueueName: wired}}}"));
        assertEquals(List.of(published.sqsEndpoint() + "/" + published.accountId() + "/wired"),
                fixture.sqs.listQueues().queueUrls());
    }

    @Test
    void parameterValuesAreCheckedAgainstTheirDeclarations() {
        String body = "Parameters: {Size: {Type: Number}, Env: {Type: String, AllowedValues: [dev, prod]}}\n"
                + "Resources: {Q: {Type: 'AWS::SQS::Queue', Properties: {QueueName: !Sub '${Env}-${Size}'}}}";
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (List<String> values : List.of(List.of("x", "dev"), List.of("3", "test"))) {
            CloudFormationException e = assertThrows(CloudFormationException.class, () -> fixture.cloudFormation
                    .createStack(b -> b.stackName("params").templateBody(body).parameters(
                            Parameter.builder().parameterKey("Size").parameterValue(values.get(0)).build(),
                            Parameter.builder().parameterKey("Env").parameterValue(values.get(1)).build())));
            errors.put(values.toString(), e.awsErrorDetails().errorMessage());
        }
        assertEquals(Map.of("[x, dev]", "Parameter 'Size' must be a number not 'x'",
                "[3, test]", "Parameter 'Env' must be one of AllowedValues"), errors);
        CloudFormationException missing = assertThrows(CloudFormationException.class, () -> fixture.cloudFormation
                .createStack(b -> b.stackName("params").templateBody(body)));
        assertEquals("Parameters: [Size, Env] must have values", missing.awsErrorDetails().errorMessage());
        fixture.cloudFormation.createStack(b -> b.stackName("params").templateBody(body).parameters(
                Parameter.builder().parameterKey("Size").parameterValue("3").build(),
                Parameter.builder().parameterKey("Env").parameterValue("prod").build()));
        assertEquals(List.of(fixture.queues.queueUrl("prod-3")), fixture.sqs.listQueues().queueUrls());
    }

    @Test
    void iamResourcesNeedTheRightCapability() {
        InsufficientCapabilitiesException none = assertThrows(InsufficientCapabilitiesException.class, () ->
                fixture.cloudFormation.createStack(b -> b.stackName("iot-policy").templateBody(template("main-stack.yaml"))));
        assertTrue(none.awsErrorDetails().errorMessage().contains("CAPABILITY_NAMED_IAM"));
        assertThrows(InsufficientCapabilitiesException.class, () -> fixture.cloudFormation.createStack(b -> b
                .stackName("iot-policy").templateBody(template("main-stack.yaml")).capabilities(Capability.CAPABILITY_IAM)));
        InsufficientCapabilitiesException unnamed = assertThrows(InsufficientCapabilitiesException.class, () ->
                fixture.cloudFormation.createStack(b -> b.stackName("sqs").templateBody(template("sqs-stack.yaml"))));
        assertTrue(unnamed.awsErrorDetails().errorMessage().contains("[CAPABILITY_IAM]"));
        assertTrue(fixture.cloudFormation.listStacks().stackSummaries().isEmpty());
    }

    @Test
    void anUnsupportedResourceTypeRollsTheStackBackAndDeletesWhatWasCreated() {
        String body = """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: doomed}
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties: {Tags: [{Key: queue, Value: !GetAtt Queue.Arn}]}
                """;
        fixture.cloudFormation.createStack(b -> b.stackName("doomed").templateBody(body));
        Stack stack = describe("doomed");
        assertEquals(StackStatus.ROLLBACK_COMPLETE, stack.stackStatus());
        assertTrue(fixture.sqs.listQueues().queueUrls().isEmpty(), "the queue created before the failure is deleted");
        List<StackEvent> events = fixture.cloudFormation.describeStackEvents(b -> b.stackName("doomed")).stackEvents();
        StackEvent failed = events.stream().filter(e -> "CREATE_FAILED".equals(e.resourceStatusAsString())).findFirst().orElseThrow();
        assertEquals("Bucket", failed.logicalResourceId());
        assertTrue(failed.resourceStatusReason().contains("AWS::S3::Bucket is not supported"), failed.resourceStatusReason());
        assertTrue(events.stream().anyMatch(e -> "Queue".equals(e.logicalResourceId())
                && "DELETE_COMPLETE".equals(e.resourceStatusAsString())));
        assertTrue(events.stream().anyMatch(e -> "ROLLBACK_IN_PROGRESS".equals(e.resourceStatusAsString())
                && e.resourceStatusReason().contains("[Bucket]")));
    }

    @Test
    void updatesChangeResourcesAndAnUnchangedUpdateIsRefused() {
        fixture.cloudFormation.createStack(b -> b.stackName("sqs").templateBody(template("sqs-stack.yaml"))
                .capabilities(Capability.CAPABILITY_IAM));
        CloudFormationException unchanged = assertThrows(CloudFormationException.class, () ->
                fixture.cloudFormation.updateStack(b -> b.stackName("sqs").usePreviousTemplate(true)
                        .capabilities(Capability.CAPABILITY_IAM)));
        assertEquals("ValidationError", unchanged.awsErrorDetails().errorCode());
        assertEquals("No updates are to be performed.", unchanged.awsErrorDetails().errorMessage());

        String queueUrl = outputs(describe("sqs")).get("QueueURL");
        fixture.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("kept across an in-place update"));
        fixture.cloudFormation.updateStack(b -> b.stackName("sqs").templateBody(template("sqs-stack.yaml")
                .replace("QueueName: !Sub '${TopicName}Queue'", "QueueName: !Sub '${TopicName}Queue'\n      VisibilityTimeout: 45"))
                .capabilities(Capability.CAPABILITY_IAM));
        assertEquals("45", fixture.sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("VisibilityTimeout"))
                .attributesAsStrings().get("VisibilityTimeout"));
        assertEquals("kept across an in-place update", fixture.sqs.receiveMessage(b -> b.queueUrl(queueUrl)).messages().get(0).body());

        fixture.cloudFormation.updateStack(b -> b.stackName("sqs").usePreviousTemplate(true)
                .parameters(Parameter.builder().parameterKey("TopicName").parameterValue("telemetry").build())
                .capabilities(Capability.CAPABILITY_IAM));
        Stack updated = describe("sqs");
        assertEquals(StackStatus.UPDATE_COMPLETE, updated.stackStatus());
        assertEquals("telemetryQueue", outputs(updated).get("QueueName"));
        assertEquals(List.of(fixture.queues.queueUrl("telemetryQueue")), fixture.sqs.listQueues().queueUrls());
        assertEquals(List.of("telemetrySQSPublisher"), fixture.registry.topicRules().stream().map(TopicRule::name).toList());
    }

    @Test
    void changeSetsCreateAStackInReviewThenExecuteAndAnEmptyOneFails() {
        String id = fixture.cloudFormation.createChangeSet(b -> b.stackName("policy").changeSetName("first")
                .changeSetType(ChangeSetType.CREATE).templateBody(template("loadtest-stack.json"))).id();
        assertEquals(StackStatus.REVIEW_IN_PROGRESS, describe("policy").stackStatus());
        DescribeChangeSetResponse created = fixture.cloudFormation.describeChangeSet(b -> b.changeSetName(id));
        assertEquals("CREATE_COMPLETE", created.statusAsString());
        assertEquals("Add", created.changes().get(0).resourceChange().actionAsString());
        fixture.cloudFormation.executeChangeSet(b -> b.changeSetName(id));
        assertEquals(StackStatus.CREATE_COMPLETE, describe("policy").stackStatus());
        assertEquals("EXECUTE_COMPLETE", fixture.cloudFormation.describeChangeSet(b -> b.changeSetName(id)).executionStatusAsString());

        fixture.cloudFormation.createChangeSet(b -> b.stackName("policy").changeSetName("again")
                .templateBody(template("loadtest-stack.json")));
        DescribeChangeSetResponse empty = fixture.cloudFormation.describeChangeSet(b -> b.stackName("policy").changeSetName("again"));
        assertEquals("FAILED", empty.statusAsString());
        assertTrue(empty.statusReason().startsWith("The submitted information didn't contain changes."));
        fixture.cloudFormation.deleteChangeSet(b -> b.stackName("policy").changeSetName("again"));
        assertThrows(CloudFormationException.class, () ->
                fixture.cloudFormation.describeChangeSet(b -> b.stackName("policy").changeSetName("again")));
    }

    @Test
    void stacksSurviveARestartAndDeletionRemovesTheirResources() throws Exception {
        fixture.cloudFormation.createStack(b -> b.stackName("sqs").templateBody(template("sqs-stack.yaml"))
                .capabilities(Capability.CAPABILITY_IAM));
        String queueUrl = outputs(describe("sqs")).get("QueueURL");
        fixture.close();
        fixture = new CloudFormationFixture(state);

        Stack restored = describe("sqs");
        assertEquals(StackStatus.CREATE_COMPLETE, restored.stackStatus());
        assertEquals(QueueServiceUrls.path(queueUrl), QueueServiceUrls.path(outputs(restored).get("QueueURL")));
        assertTrue(fixture.registry.findTopicRule("loadtestSQSPublisher").isPresent());

        fixture.cloudFormation.deleteStack(b -> b.stackName("sqs"));
        assertTrue(fixture.registry.topicRules().isEmpty());
        assertTrue(fixture.sqs.listQueues().queueUrls().isEmpty());
        assertEquals("DELETE_COMPLETE", fixture.cloudFormation.listStacks().stackSummaries().get(0).stackStatusAsString());
        CloudFormationException gone = assertThrows(CloudFormationException.class, () -> describe("sqs"));
        assertEquals("Stack with id sqs does not exist", gone.awsErrorDetails().errorMessage());
        assertFalse(fixture.service.stack("sqs").isPresent());
    }

    @Test
    void validateTemplateReportsParametersCapabilitiesAndFormatErrors() {
        var validated = fixture.cloudFormation.validateTemplate(b -> b.templateBody(template("sqs-stack.yaml")));
        assertEquals("TopicName", validated.parameters().get(0).parameterKey());
        assertEquals("loadtest", validated.parameters().get(0).defaultValue());
        assertEquals(List.of(Capability.CAPABILITY_IAM), validated.capabilities());
        CloudFormationException malformed = assertThrows(CloudFormationException.class, () ->
                fixture.cloudFormation.validateTemplate(b -> b.templateBody("Resources:\n  X: {Properties: {}}")));
        assertTrue(malformed.awsErrorDetails().errorMessage().startsWith("Template format error"));
        List<String> refused = new java.util.ArrayList<>();
        for (String body : List.of("Resources: {A: {Type: 'AWS::SQS::Queue', Properties: {QueueName: !Ref Missing}}}",
                "Resources: {A: {Type: 'AWS::SQS::Queue', DependsOn: B}, B: {Type: 'AWS::SQS::Queue', DependsOn: A}}")) {
            refused.add(assertThrows(CloudFormationException.class, () -> fixture.cloudFormation
                    .validateTemplate(b -> b.templateBody(body))).awsErrorDetails().errorMessage());
        }
        assertEquals(List.of("Template format error: Unresolved resource dependencies [Missing] in the Resources block"
                + " of the template", "Circular dependency between resources: [A, B]"), refused);
        CloudFormationException conditional = assertThrows(CloudFormationException.class, () ->
                fixture.cloudFormation.validateTemplate(b -> b.templateBody(
                        "Conditions: {Prod: {'Fn::Equals': [a, a]}}\nResources: {Q: {Type: 'AWS::SQS::Queue', Condition: Prod}}")));
        assertEquals("Template section Conditions is not supported by the local stand-in",
                conditional.awsErrorDetails().errorMessage());
    }

    @Test
    void aFailedUpdateRollsBackToThePreviousResourcesAndAPolicyChangeBecomesANewVersion() {
        String policy = template("loadtest-stack.json");
        fixture.cloudFormation.createStack(b -> b.stackName("policy").templateBody(policy));
        String changed = policy.replace("topic/loadtest\"}", "topic/loadtest/summary\"}");
        fixture.cloudFormation.updateStack(b -> b.stackName("policy").templateBody(changed));
        assertEquals(StackStatus.UPDATE_COMPLETE, describe("policy").stackStatus());
        var updated = fixture.registry.findPolicy("LoadTestPolicy").orElseThrow();
        assertEquals("2", updated.defaultVersionId(), "a changed document is a new default version");
        assertTrue(updated.document().contains("topic/loadtest/summary"));

        String broken = changed.replace("topic/loadtest/summary", "topic/loadtest/broken").replace(
                "\"Resources\": {", "\"Resources\": {\"Queue\": {\"Type\": \"AWS::SQS::Queue\"}, "
                        + "\"Bucket\": {\"Type\": \"AWS::S3::Bucket\", \"DependsOn\": \"LoadTestPolicy\"}, ");
        fixture.cloudFormation.updateStack(b -> b.stackName("policy").templateBody(broken));
        Stack rolledBack = describe("policy");
        assertEquals(StackStatus.UPDATE_ROLLBACK_COMPLETE, rolledBack.stackStatus());
        assertTrue(fixture.registry.findPolicy("LoadTestPolicy").orElseThrow().document().contains("topic/loadtest/summary"),
                "the policy is put back as it was");
        assertTrue(fixture.sqs.listQueues().queueUrls().isEmpty(), "the queue added by the failed update is deleted");
        assertEquals(changed, fixture.cloudFormation.getTemplate(b -> b.stackName("policy")).templateBody());
    }

    @Test
    void deletingAStackWhosePolicyIsStillAttachedFailsAsInAws() throws Exception {
        fixture.cloudFormation.createStack(b -> b.stackName("policy").templateBody(template("loadtest-stack.json")));
        var device = fixture.registry.registerIssuedCertificate(
                io.jitp.emulator.testing.TestPki.ca("CN=device").certificate(), io.jitp.emulator.iot.CertificateStatus.ACTIVE);
        fixture.registry.attachPolicy("LoadTestPolicy", device.arn());
        fixture.cloudFormation.deleteStack(b -> b.stackName("policy"));
        Stack failed = describe("policy");
        assertEquals(StackStatus.DELETE_FAILED, failed.stackStatus());
        assertTrue(fixture.cloudFormation.describeStackEvents(b -> b.stackName("policy")).stackEvents().stream()
                .anyMatch(e -> "DELETE_FAILED".equals(e.resourceStatusAsString()) && "LoadTestPolicy".equals(e.logicalResourceId())
                        && e.resourceStatusReason().contains("attached")));
        fixture.registry.detachPolicy("LoadTestPolicy", device.arn());
        fixture.cloudFormation.deleteStack(b -> b.stackName("policy"));
        assertTrue(fixture.registry.findPolicy("LoadTestPolicy").isEmpty());
    }

    @Test
    void aWrongSecretIsRefusedWithTheQueryProtocolErrorShape() {
        try (var impostor = software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder()
                .endpointOverride(fixture.endpoint()).region(software.amazon.awssdk.regions.Region.of(REGION))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                fixture.endpoints.accessKeyId(), "not-the-secret")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            CloudFormationException refused = assertThrows(CloudFormationException.class, impostor::listStacks);
            assertEquals(403, refused.statusCode());
            assertEquals("SignatureDoesNotMatch", refused.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aCorruptStackFileStopsTheStandInAndNamesTheFile() throws Exception {
        fixture.close();
        java.nio.file.Files.writeString(state.resolve(StackStore.STATE_FILE), "{ not json");
        java.io.IOException error = assertThrows(java.io.IOException.class, () -> new CloudFormationFixture(state));
        assertTrue(error.getMessage().contains(StackStore.STATE_FILE), error.getMessage());
        fixture = new CloudFormationFixture(java.nio.file.Files.createDirectories(state.resolve("fresh")));
    }
}
