package io.jitp.emulator.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.testing.StandIn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The full stand-in publishes its SQS endpoint in endpoints.json and answers CloudFormation on its front door. */
class StandInWiringTest {

    @TempDir
    Path state;

    @Test
    void endpointsJsonNamesAWorkingSqsEndpointAndCloudFormationAnswers() throws Exception {
        try (EmulatorServer server = EmulatorServer.withDefaultComponents(StandIn.config(state))) {
            server.start();
            EmulatorEndpoints published = EmulatorEndpoints.read(state).orElseThrow();
            assertNotNull(published.sqsEndpoint(), "endpoints.json has sqsEndpoint");
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(published.accessKeyId(), published.secretAccessKey()));
            try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                    .endpointOverride(published.controlPlaneUrl()).region(Region.of(published.region()))
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
                 SqsClient sqs = SqsClient.builder().endpointOverride(published.sqsEndpoint())
                    .region(Region.of(published.region())).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                cloudFormation.createStack(b -> b.stackName("queue").templateBody(
                        "Resources: {Q: {Type: 'AWS::SQS::Queue', Properties: {QueueName: wired}}}"));
                assertEquals(List.of(published.sqsEndpoint() + "/" + published.accountId() + "/wired"),
                        sqs.listQueues().queueUrls());
            }
        }
    }
}
