package io.jitp.emulator.cfn;

import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.sqs.QueueService;
import io.jitp.emulator.testing.QueryTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** CloudFormation, SQS and the IoT registry of one state directory, with SDK clients pointed at them. */
final class CloudFormationFixture implements AutoCloseable {

    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTANDIN", "stand-in-secret"));

    final IotRegistry registry;
    final QueueService queues;
    final CloudFormationService service;
    private final QueryTestServer server;
    final CloudFormationClient cloudFormation;
    final SqsClient sqs;

    CloudFormationFixture(Path state) throws IOException {
        registry = IotRegistry.open(state, REGION, ACCOUNT);
        queues = new QueueService("127.0.0.1", REGION, ACCOUNT, state);
        queues.start();
        service = new CloudFormationService(REGION, ACCOUNT, ResourceTypes.standIn(registry, queues), state);
        server = new QueryTestServer(service);
        cloudFormation = CloudFormationClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(queues.endpoint()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    URI endpoint() {
        return server.endpoint();
    }

    static String template(String name) {
        try (InputStream in = CloudFormationFixture.class.getResourceAsStream("/templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cloudFormation.close();
        sqs.close();
        server.close();
        queues.close();
    }
}
