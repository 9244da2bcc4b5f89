package io.jitp.emulator.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.state.StateFileException;
import io.jitp.emulator.testing.AwsCli;
import io.jitp.emulator.testing.StandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Queues that clients create and change directly (AWS SDK v2's JSON protocol, the AWS CLI's query protocol) survive
 * a restart of the stand-in with their attributes and tags, as they do in AWS between two builds; a deleted queue
 * stays deleted; a refused request records nothing; a change that cannot be recorded is not silently lost.
 */
class SqsQueuesSurviveRestartTest {

    @TempDir
    Path state;
    private EmulatorServer server;
    private QueueService queues;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Starts (or, after {@link #stop()}, restarts) a stand-in with SQS on the same state directory. */
    private EmulatorEndpoints start() throws IOException {
        EmulatorConfig config = StandIn.config(state);
        queues = new QueueService(config.bindAddress(), config.region(), config.accountId(), config.stateDirectory());
        server = new EmulatorServer(config, List.of(queues));
        return server.start();
    }

    private EmulatorEndpoints restart() throws IOException {
        server.close();
        return start();
    }

    private static SqsClient sqs(EmulatorEndpoints endpoints) {
        return StandIn.sqs(endpoints, endpoints.secretAccessKey());
    }

    private static String url(EmulatorEndpoints endpoints, String name) {
        return endpoints.sqsEndpoint() + "/" + endpoints.accountId() + "/" + name;
    }

    /** @return what a client sees of a queue: every attribute but the counts and timestamps, and its tags */
    private static Map<String, Object> seen(SqsClient sqs, String url) {
        Map<String, String> attributes = new LinkedHashMap<>(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings());
        attributes.keySet().removeIf(name -> name.startsWith("Approximate") || name.endsWith("Timestamp"));
        return Map.of("attributes", attributes, "tags", sqs.listQueueTags(b -> b.queueUrl(url)).tags());
    }

    private static Set<String> queueNames(SqsClient sqs) {
        return new TreeSet<>(sqs.listQueues().queueUrls().stream().map(QueueService::queueName).toList());
    }

    @Test
    void queuesMadeAndChangedThroughTheSdkComeBackAsTheyWereAfterARestart() throws Exception {
        EmulatorEndpoints endpoints = start();
        String orders = url(endpoints, "orders");
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        try (SqsClient sqs = sqs(endpoints)) {
            sqs.createQueue(b -> b.queueName("orders-dlq"));
            sqs.createQueue(b -> b.queueName("orders").tags(Map.of("team", "billing", "env", "dev"))
                    .attributesWithStrings(Map.of("VisibilityTimeout", "45", "DelaySeconds", "5",
                            "ReceiveMessageWaitTimeSeconds", "2")));
            String redrive = "{\"deadLetterTargetArn\":\"arn:aws:sqs:" + endpoints.region() + ":"
                    + endpoints.accountId() + ":orders-dlq\",\"maxReceiveCount\":3}";
            sqs.setQueueAttributes(b -> b.queueUrl(orders).attributesWithStrings(Map.of("VisibilityTimeout", "60",
                    "RedrivePolicy", redrive)));
            sqs.tagQueue(b -> b.queueUrl(orders).tags(Map.of("owner", "ops")));
            sqs.untagQueue(b -> b.queueUrl(orders).tagKeys("env"));
            sqs.createQueue(b -> b.queueName("ordered.fifo").attributesWithStrings(Map.of("FifoQueue", "true",
                    "ContentBasedDeduplication", "true")));
            sqs.createQueue(b -> b.queueName("gone").tags(Map.of("doomed", "yes")));
            sqs.deleteQueue(b -> b.queueUrl(url(endpoints, "gone")));
            // A stack's AWS::SQS::Queue goes through the queue service itself, as before.
            queues.createQueue("stack-queue", Map.of("VisibilityTimeout", "50"));

            Path record = state.resolve(QueueService.STATE_FILE);
            Object recorded = Files.readAttributes(record, BasicFileAttributes.class).fileKey();
            // SQS refuses to create a queue that exists with other attributes (QueueAlreadyExists).
            assertThrows(SqsException.class, () -> sqs.createQueue(b -> b.queueName("orders")
                    .attributesWithStrings(Map.of("VisibilityTimeout", "10"))));
            // Every record replaces the file (a new inode), so the same key means nothing was written.
            assertEquals(recorded, Files.readAttributes(record, BasicFileAttributes.class).fileKey(),
                    "a refused request was recorded");

            for (String queue : List.of("orders", "orders-dlq", "ordered.fifo", "stack-queue")) {
                before.put(queue, seen(sqs, url(endpoints, queue)));
            }
        }
        assertEquals("60", ((Map<?, ?>) before.get("orders").get("attributes")).get("VisibilityTimeout"));
        assertEquals(Map.of("team", "billing", "owner", "ops"), before.get("orders").get("tags"));

        EmulatorEndpoints restarted = restart();
        String fifo = url(restarted, "ordered.fifo");
        try (SqsClient sqs = sqs(restarted)) {
            assertEquals(new TreeSet<>(before.keySet()), queueNames(sqs), "a deleted queue came back, or one is lost");
            before.forEach((queue, seen) -> assertEquals(seen, seen(sqs, url(restarted, queue)), queue));
            // Content-based deduplication still works: the FIFO queue is a FIFO queue again, not merely named one.
            sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("once").messageGroupId("g"));
            sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("once").messageGroupId("g"));
            assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(fifo).maxNumberOfMessages(10)).messages().size());
        }
    }

    @Test
    void queuesMadeAndChangedThroughTheAwsCliComeBackAfterARestart(@TempDir Path home) throws Exception {
        EmulatorEndpoints endpoints = start();
        AwsCli aws = AwsCli.requireInstalled(home, endpoints.region(), endpoints.accessKeyId(),
                endpoints.secretAccessKey());
        String endpoint = endpoints.sqsEndpoint().toString();
        String kept = url(endpoints, "cli-kept");
        try (SqsClient sqs = sqs(endpoints)) {
            // Made through the SDK, deleted through the CLI: four CLI runs (seconds each) cover every change.
            sqs.createQueue(b -> b.queueName("cli-gone"));
        }
        for (List<String> command : List.of(
                List.of("create-queue", "--queue-name", "cli-kept", "--attributes", "VisibilityTimeout=40",
                        "--tags", "env=dev"),
                List.of("set-queue-attributes", "--queue-url", kept, "--attributes", "DelaySeconds=3"),
                List.of("tag-queue", "--queue-url", kept, "--tags", "owner=cli"),
                List.of("delete-queue", "--queue-url", url(endpoints, "cli-gone")))) {
            AwsCli.Result result = aws.run(endpoint, Stream.concat(Stream.of("sqs"), command.stream())
                    .toArray(String[]::new));
            assertEquals(0, result.exitCode(), result::toString);
        }

        EmulatorEndpoints restarted = restart();
        try (SqsClient sqs = sqs(restarted)) {
            assertEquals(Set.of("cli-kept"), queueNames(sqs));
            Map<String, Object> seen = seen(sqs, url(restarted, "cli-kept"));
            Map<?, ?> attributes = (Map<?, ?>) seen.get("attributes");
            assertEquals("40", attributes.get("VisibilityTimeout"));
            assertEquals("3", attributes.get("DelaySeconds"));
            assertEquals(Map.of("env", "dev", "owner", "cli"), seen.get("tags"));
        }
    }

    @Test
    void concurrentChangesToOneQueueAreAllRecorded() throws Exception {
        EmulatorEndpoints endpoints = start();
        String url = url(endpoints, "busy");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (SqsClient sqs = sqs(endpoints)) {
            sqs.createQueue(b -> b.queueName("busy"));
            List<Future<?>> changes = new java.util.ArrayList<>();
            for (int client = 0; client < 4; client++) {
                String prefix = "client" + client + "-";
                changes.add(clients.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        String key = prefix + i;
                        sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of(key, "v")));
                    }
                }));
            }
            for (Future<?> change : changes) {
                change.get();
            }
            QueueRecords recorded = new QueueRecords(state.resolve(QueueService.STATE_FILE));
            recorded.load();
            Map<String, String> tags = sqs.listQueueTags(b -> b.queueUrl(url)).tags();
            assertEquals(20, tags.size());
            assertEquals(tags, recorded.queues().get("busy").tags());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aCorruptQueueRecordStopsTheStartNamingTheFile() throws Exception {
        Files.writeString(state.resolve(QueueService.STATE_FILE), "{\"queues\": {\"orders\": ");
        StateFileException refused = assertThrows(StateFileException.class, this::start);
        assertTrue(refused.getMessage().contains(state.resolve(QueueService.STATE_FILE).toAbsolutePath().toString()),
                refused.getMessage());
        server = null;
    }

    @Test
    void aRecordedQueueThatCannotBeRecreatedIsReportedNamingTheFile() throws Exception {
        Path record = state.resolve(QueueService.STATE_FILE);
        Files.writeString(record, "{\"queues\": {\"edited\": {\"VisibilityTimeout\": \"soon\"}}}");
        EmulatorEndpoints endpoints = start();
        try (SqsClient sqs = sqs(endpoints)) {
            SqsException refused = assertThrows(SqsException.class, sqs::listQueues);
            assertEquals("ServiceUnavailable", refused.awsErrorDetails().errorCode());
            assertTrue(refused.getMessage().contains("queue edited recorded in " + record), refused.getMessage());
        }
    }

    @Test
    void aChangeThatCannotBeRecordedIsReportedToTheClientNotLostSilently() throws Exception {
        EmulatorEndpoints endpoints = start();
        assertFalse(queues.elasticMqLaunched(), "nothing recorded, yet ElasticMQ was started");
        // A directory where the record belongs: it cannot be replaced, even by root.
        Path record = Files.createDirectories(state.resolve(QueueService.STATE_FILE));
        Files.writeString(record.resolve("occupied"), "x");
        try (SqsClient sqs = sqs(endpoints)) {
            SqsException failed = assertThrows(SqsException.class, () -> sqs.createQueue(b -> b.queueName("orders")));
            assertEquals(500, failed.statusCode());
            assertEquals("InternalFailure", failed.awsErrorDetails().errorCode());
            assertTrue(failed.getMessage().contains("will not survive a restart")
                    && failed.getMessage().contains(record.toString()), failed.getMessage());
        }
    }
}
