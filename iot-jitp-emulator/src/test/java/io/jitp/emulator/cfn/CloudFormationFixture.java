package io.jitp.emulator.cfn;

import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.sqs.QueueService;
import io.jitp.emulator.testing.StandIn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An in-process stand-in with the queue service and CloudFormation behind its SigV4 front door, and SDK clients
 * signing with its credentials.
 */
final class CloudFormationFixture implements AutoCloseable {

    static final String REGION = "eu-west-1";

    final EmulatorServer server;
    final EmulatorEndpoints endpoints;
    final IotRegistry registry;
    final QueueService queues;
    final CloudFormationService service;
    final CloudFormationClient cloudFormation;
    final SqsClient sqs;

    CloudFormationFixture(Path state) throws IOException {
        EmulatorConfig config = StandIn.config(state);
        queues = new QueueService(config.bindAddress(), config.region(), config.accountId(), state);
        CloudFormationComponent component = new CloudFormationComponent();
        server = new EmulatorServer(config, List.of(queues, component));
        endpoints = server.start();
        registry = server.registry();
        service = component.service();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(endpoints.accessKeyId(), endpoints.secretAccessKey()));
        cloudFormation = CloudFormationClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(endpoints.sqsEndpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    URI endpoint() {
        return endpoints.controlPlaneUrl();
    }

    String account() {
        return endpoints.accountId();
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
    }
}
