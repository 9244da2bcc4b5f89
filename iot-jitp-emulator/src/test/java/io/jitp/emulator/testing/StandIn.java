package io.jitp.emulator.testing;

import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.EmulatorServer;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An in-process stand-in on free loopback ports with known credentials, and SDK clients for it. */
public final class StandIn implements AutoCloseable {
    /** The secret tests configure. */
    public static final String SECRET = "test-secret-key-for-the-stand-in";

    private final EmulatorServer server;
    private final EmulatorEndpoints endpoints;

    private StandIn(EmulatorServer server, EmulatorEndpoints endpoints) {
        this.server = server;
        this.endpoints = endpoints;
    }

    /** @param stateDirectory a temporary folder @return a started stand-in */
    public static StandIn start(Path stateDirectory) throws IOException {
        EmulatorServer server = new EmulatorServer(config(stateDirectory));
        return new StandIn(server, server.start());
    }

    /** @param stateDirectory a temporary folder @return the test configuration: free ports, known secret */
    public static EmulatorConfig config(Path stateDirectory) {
        return EmulatorConfig.builder(stateDirectory).secretAccessKey(SECRET).region("eu-west-1").build();
    }

    /** @return the server */
    public EmulatorServer server() {
        return server;
    }

    /** @return its endpoints */
    public EmulatorEndpoints endpoints() {
        return endpoints;
    }

    /** @return an IoT client signing with the right credentials */
    public IotClient iot() {
        return client(endpoints);
    }

    /** @param endpoints a running stand-in's endpoints @return an IoT client for it, signing as they say */
    public static IotClient client(EmulatorEndpoints endpoints) {
        return client(endpoints, endpoints.accessKeyId(), endpoints.secretAccessKey());
    }

    /**
     * @param accessKeyId the access key to sign with
     * @param secret the secret to sign with
     * @return an IoT client for this stand-in
     */
    public IotClient iot(String accessKeyId, String secret) {
        return client(endpoints, accessKeyId, secret);
    }

    private static IotClient client(EmulatorEndpoints endpoints, String accessKeyId, String secret) {
        return IotClient.builder()
                .endpointOverride(endpoints.controlPlaneUrl())
                .region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    /**
     * @param endpoints a running stand-in's endpoints
     * @param secret    the secret to sign with
     * @return an SQS client for its SQS endpoint (the control plane's port, through the front door)
     */
    public static SqsClient sqs(EmulatorEndpoints endpoints, String secret) {
        return SqsClient.builder().endpointOverride(endpoints.sqsEndpoint()).region(Region.of(endpoints.region()))
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoints.accessKeyId(), secret))).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
