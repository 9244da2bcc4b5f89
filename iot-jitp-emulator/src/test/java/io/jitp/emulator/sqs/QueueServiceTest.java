package io.jitp.emulator.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.AwsCli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class QueueServiceTest {

    private static final String ACCOUNT = "123456789012";

    @TempDir
    Path state;
    private QueueService queues;

    @BeforeEach
    void start() throws Exception {
        queues = new QueueService("127.0.0.1", "eu-west-1", ACCOUNT, state);
        queues.start();
    }

    @AfterEach
    void stop() {
        queues.close();
    }

    private SqsClient sdk() {
        return SqsClient.builder().endpointOverride(queues.endpoint()).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"))).build();
    }

    @Test
    void queuesCreatedByTheServiceAreUsableThroughTheSdkJsonProtocol() {
        String url = queues.createQueue("loadtestQueue");
        assertEquals(queues.endpoint() + "/" + ACCOUNT + "/loadtestQueue", url);
        assertEquals("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":loadtestQueue", queues.queueArn(url));
        queues.sendMessage(url, "{\"device\":\"pub0\"}");
        try (SqsClient sqs = sdk()) {
            assertEquals(queues.queueArn(url), sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            assertEquals(List.of("{\"device\":\"pub0\"}"), messages.stream().map(Message::body).toList());
        }
    }

    @Test
    void queuesSurviveARestartWithTheirAttributes() throws Exception {
        queues.createQueue("kept", Map.of("VisibilityTimeout", "45"));
        String gone = queues.createQueue("gone");
        queues.deleteQueue(gone);
        queues.close();
        queues = new QueueService("127.0.0.1", "eu-west-1", ACCOUNT, state);
        queues.start();
        try (SqsClient sqs = sdk()) {
            List<String> urls = sqs.listQueues().queueUrls();
            assertEquals(List.of(queues.queueUrl("kept")), urls);
            assertEquals("45", sqs.getQueueAttributes(b -> b.queueUrl(urls.get(0))
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT));
            // A URL stored by a rule before the restart may name another port: the queue is found by name.
            queues.sendMessage("http://127.0.0.1:1/" + ACCOUNT + "/kept", "sent with a stale URL");
            assertEquals("sent with a stale URL", sqs.receiveMessage(b -> b.queueUrl(urls.get(0))).messages().get(0).body());
        }
    }

    @Test
    void theAwsCliQueryProtocolSendsAndReceives(@TempDir Path home) throws Exception {
        AwsCli aws = AwsCli.requireInstalled(home, "eu-west-1", "AKID", "secret");
        String url = queues.createQueue("cli");
        String endpoint = queues.endpoint().toString();
        AwsCli.Result sent = aws.run(endpoint, "sqs", "send-message", "--queue-url", url, "--message-body", "hello from the CLI");
        assertEquals(0, sent.exitCode(), sent::toString);
        AwsCli.Result received = aws.run(endpoint, "sqs", "receive-message", "--queue-url", url);
        assertEquals(0, received.exitCode(), received::toString);
        assertTrue(received.stdout().contains("hello from the CLI"), received::toString);
        AwsCli.Result listed = aws.run(endpoint, "sqs", "list-queues");
        assertTrue(listed.stdout().contains(url), listed::toString);
    }

    @Test
    void aRedrivePolicyComesBackAfterItsDeadLetterQueueAndIsLeftOutOnceThatQueueIsGone() throws Exception {
        // The queue that uses the dead-letter queue is recorded first: re-creating in record order alone would fail.
        String orders = queues.createQueue("orders");
        String deadLetters = queues.createQueue("orders-dlq");
        String redrive = "{\"deadLetterTargetArn\":\"" + queues.queueArn(deadLetters) + "\",\"maxReceiveCount\":2}";
        queues.setQueueAttributes(orders, Map.of("RedrivePolicy", redrive));
        queues.close();
        queues = new QueueService("127.0.0.1", "eu-west-1", ACCOUNT, state);
        queues.start();
        assertEquals(List.of("orders", "orders-dlq"), queues.queueNames());
        try (SqsClient sqs = sdk()) {
            assertTrue(redrivePolicy(sqs, queues.queueUrl("orders")).contains("orders-dlq"));
        }

        queues.deleteQueue(queues.queueUrl("orders-dlq"));
        queues.close();
        queues = new QueueService("127.0.0.1", "eu-west-1", ACCOUNT, state);
        queues.start();
        assertEquals(List.of("orders"), queues.queueNames());
        try (SqsClient sqs = sdk()) {
            assertEquals(null, redrivePolicy(sqs, queues.queueUrl("orders")),
                    "the queue must come back, without the policy naming a deleted queue");
        }
    }

    private static String redrivePolicy(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
    }

    @Test
    void queueUrlsNameAHostClientsCanReach() {
        assertEquals("127.0.0.1", QueueService.urlHost("0.0.0.0"));
        assertEquals("127.0.0.1", QueueService.urlHost("::"));
        assertEquals("[::1]", QueueService.urlHost("::1"));
        assertEquals("127.0.0.1", QueueService.urlHost("127.0.0.1"));
    }
}
