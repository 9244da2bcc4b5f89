package io.jitp.emulator.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.testing.AwsCli;
import io.jitp.emulator.testing.StandIn;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SQS is served on the control plane's port: its requests are told apart by their signing name, checked like every
 * other request, and held until ElasticMQ (started only after the readiness signal, and only once needed) listens; a call made right
 * after readiness succeeds, and an ElasticMQ that cannot start is reported to the caller instead of a hang.
 */
class SqsThroughFrontDoorTest {

    @TempDir
    Path state;
    private EmulatorServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private EmulatorEndpoints start(QueueService queues) throws Exception {
        server = new EmulatorServer(StandIn.config(state), List.of(queues));
        return server.start();
    }

    private static QueueService queueService(EmulatorConfig config, int elasticMqPort) {
        return new QueueService(config.bindAddress(), config.region(), config.accountId(), config.stateDirectory(),
                elasticMqPort);
    }

    @Test
    void anSdkCallRightAfterReadinessIsHeldUntilElasticMqListens() throws Exception {
        EmulatorEndpoints endpoints = start(queueService(StandIn.config(state), 0));
        assertEquals(endpoints.controlPlaneUrl(), endpoints.sqsEndpoint());
        try (SqsClient sqs = StandIn.sqs(endpoints, endpoints.secretAccessKey())) {
            String url = sqs.createQueue(b -> b.queueName("early")).queueUrl();
            assertEquals(endpoints.controlPlaneUrl() + "/" + endpoints.accountId() + "/early", url);
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("first"));
            assertEquals("first", sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0).body());
            assertEquals(List.of(url), sqs.listQueues().queueUrls());
        }
    }

    @Test
    void theAwsCliQueryProtocolReachesSqsRightAfterReadiness(@TempDir Path home) throws Exception {
        EmulatorEndpoints endpoints = start(queueService(StandIn.config(state), 0));
        AwsCli aws = AwsCli.requireInstalled(home, endpoints.region(), endpoints.accessKeyId(),
                endpoints.secretAccessKey());
        String endpoint = endpoints.sqsEndpoint().toString();
        AwsCli.Result created = aws.run(endpoint, "sqs", "create-queue", "--queue-name", "cli");
        assertEquals(0, created.exitCode(), created::toString);
        String url = endpoints.controlPlaneUrl() + "/" + endpoints.accountId() + "/cli";
        assertTrue(created.stdout().contains(url), created::toString);
        AwsCli.Result sent = aws.run(endpoint, "sqs", "send-message", "--queue-url", url, "--message-body", "via CLI");
        assertEquals(0, sent.exitCode(), sent::toString);
        AwsCli.Result received = aws.run(endpoint, "sqs", "receive-message", "--queue-url", url);
        assertTrue(received.stdout().contains("via CLI"), received::toString);
    }

    @Test
    void elasticMqStartsOnlyWhenSomethingNeedsItOrRecordedQueuesMustComeBack() throws Exception {
        QueueService unused = queueService(StandIn.config(state), 0);
        start(unused);
        assertFalse(unused.elasticMqLaunched(), "nothing used SQS, yet ElasticMQ was started");
        unused.createQueue("kept", Map.of());
        assertTrue(unused.elasticMqLaunched());
        server.close();

        QueueService restarted = queueService(StandIn.config(state), 0);
        EmulatorEndpoints endpoints = start(restarted);
        assertTrue(restarted.elasticMqLaunched(), "a recorded queue must be re-created right after readiness");
        try (SqsClient sqs = StandIn.sqs(endpoints, endpoints.secretAccessKey())) {
            assertEquals(List.of(endpoints.controlPlaneUrl() + "/" + endpoints.accountId() + "/kept"),
                    sqs.listQueues().queueUrls());
        }
    }

    @Test
    void aWrongSignatureIsRefusedAsAwsWouldBeforeReachingSqs() throws Exception {
        EmulatorEndpoints endpoints = start(queueService(StandIn.config(state), 0));
        try (SqsClient sqs = StandIn.sqs(endpoints, "not-the-secret")) {
            SqsException refused = assertThrows(SqsException.class, sqs::listQueues);
            assertEquals(403, refused.statusCode());
            assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anElasticMqThatCannotStartAnswersServiceUnavailableWithTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmulatorEndpoints endpoints = start(queueService(StandIn.config(state), taken.getLocalPort()));
            try (SqsClient sqs = StandIn.sqs(endpoints, endpoints.secretAccessKey())) {
                SqsException refused = assertThrows(SqsException.class, sqs::listQueues);
                assertEquals(503, refused.statusCode());
                assertEquals("ServiceUnavailable", refused.awsErrorDetails().errorCode());
                assertTrue(refused.getMessage().contains("ElasticMQ could not start on http://127.0.0.1:"
                        + taken.getLocalPort()), refused.getMessage());
            }
        }
    }
}
