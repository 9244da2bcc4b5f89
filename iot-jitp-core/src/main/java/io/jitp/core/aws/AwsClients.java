package io.jitp.core.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;

/**
 * The SDK clients of one {@link AwsConnection}, built on first use and closed together. All share one Apache HTTP
 * client (IoT sends PATCH, which the URL-connection client cannot) and retry in adaptive mode, so throttling slows
 * a goal down instead of failing it. Thread-safe.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsConnection connection;
    private final SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).build();
    private IotClient iot;
    private CloudFormationClient cloudFormation;
    private SqsClient sqs;

    /** @param connection where the clients connect */
    public AwsClients(AwsConnection connection) {
        this.connection = connection;
    }

    /** @return the connection the clients use */
    public AwsConnection connection() {
        return connection;
    }

    /** @return the IoT control-plane client */
    public synchronized IotClient iot() {
        if (iot == null) {
            iot = configure(IotClient.builder(), connection.controlPlaneEndpoint()).build();
        }
        return iot;
    }

    /** @return the CloudFormation client */
    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = configure(CloudFormationClient.builder(), connection.cloudFormationEndpoint()).build();
        }
        return cloudFormation;
    }

    /** @return the SQS client */
    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder(), connection.sqsEndpoint()).build();
        }
        return sqs;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        return configure(builder, http, connection, endpoint);
    }

    /**
     * Applies the shared settings to a client builder (also used for STS before the connection is complete).
     *
     * @param builder     a client builder
     * @param http        the HTTP client to share
     * @param connection  region and credentials
     * @param endpoint    the endpoint override, or null for AWS's default
     * @param <B>         the builder type
     * @return the builder
     */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http,
                                                                                        AwsConnection connection,
                                                                                        URI endpoint) {
        builder.httpClient(http);
        builder.region(Region.of(connection.region())).credentialsProvider(connection.credentials())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.ADAPTIVE_V2)
                        .addExecutionInterceptor(new OperationNaming()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * @param http       the HTTP client to use
     * @param connection region and credentials (account and MQTT fields may be placeholders)
     * @param endpoint   the STS endpoint, or null for AWS's default
     * @return an STS client, to ask who the credentials belong to
     */
    static StsClient sts(SdkHttpClient http, AwsConnection connection, URI endpoint) {
        return configure(StsClient.builder(), http, connection, endpoint).build();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : new AutoCloseable[] {iot, cloudFormation, sqs}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // Closing is best effort: the goal's result does not depend on it.
                }
            }
        }
        http.close();
    }
}
