package io.jitp.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.EmulatorComponent;
import io.jitp.emulator.EmulatorContext;
import io.jitp.emulator.PhaseClock;
import io.jitp.emulator.state.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS for the stand-in: an embedded ElasticMQ server on a free loopback port. ElasticMQ speaks both the query
 * protocol (AWS CLI 2.9) and the JSON 1.0 protocol (AWS SDK for Java v2), so every client reaches it unchanged.
 *
 * <p>Queue URLs are {@code http://<host>:<port>/<account>/<name>} and ARNs {@code arn:aws:sqs:<region>:<account>:<name>}.
 * ElasticMQ keeps queues in memory only, so the queues themselves (with their attributes, not their messages) are
 * recorded in {@code sqs-queues.json} under the state directory and re-created on start: a stack's queue survives a
 * restart of the stand-in as it survives in AWS between two builds. The port is recorded too and reused when free,
 * so queue URLs kept in stack outputs stay valid.
 *
 * <p>ElasticMQ (Pekko) takes a second or more to start in a fresh JVM, so as a stand-in component it starts in the
 * background while the components after it start ({@link #awaitReady()} waits before the stand-in reports ready);
 * every operation waits until it listens.
 */
public final class QueueService implements EmulatorComponent {
    private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);

    /** The state file's name in the state directory. */
    public static final String STATE_FILE = "sqs-queues.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_TIMEOUT_SECONDS = 120;

    private final String bindAddress;
    private final String region;
    private final String accountId;
    private final StateFile<RecordedQueues> stateFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> queues = new LinkedHashMap<>();
    private volatile URI endpoint;
    private volatile CompletableFuture<SQSRestServer> starting;

    /**
     * @param bindAddress loopback address to listen on, such as {@code 127.0.0.1}
     * @param region      region used in queue ARNs
     * @param accountId   account id used in queue URLs and ARNs
     * @param stateDirectory where the queue list is kept; {@code null} keeps nothing across restarts
     */
    public QueueService(String bindAddress, String region, String accountId, Path stateDirectory) {
        this.bindAddress = bindAddress;
        this.region = region;
        this.accountId = accountId;
        this.stateFile = stateDirectory == null ? null
                : new StateFile<>(stateDirectory.resolve(STATE_FILE), RecordedQueues.class);
    }

    /**
     * Starts ElasticMQ and re-creates the recorded queues, returning once it listens.
     *
     * @throws IOException if the recorded queue list exists but cannot be read, or ElasticMQ cannot start
     */
    public void start() throws IOException {
        begin();
        awaitStarted();
    }

    /** Starts as a component of the stand-in: publishes the endpoint at once and binds in the background. */
    @Override
    public void start(EmulatorContext context) throws IOException {
        begin();
        context.publishSqsEndpoint(endpoint);
    }

    private synchronized void begin() throws IOException {
        if (starting != null) {
            throw new IllegalStateException("The queue service is already started");
        }
        RecordedQueues recorded = stateFile == null ? null : stateFile.load().orElse(null);
        if (recorded != null) {
            queues.putAll(recorded.queues());
        }
        int port = recorded != null && isFree(recorded.port()) ? recorded.port() : freePort();
        String host = urlHost(bindAddress);
        endpoint = URI.create("http://" + host + ":" + port);
        List<Map.Entry<String, Map<String, String>>> toRecreate = new ArrayList<>(queues.entrySet());
        starting = CompletableFuture.supplyAsync(() -> {
            PhaseClock phases = new PhaseClock(LOG);
            SQSRestServer server = SQSRestServerBuilder.withInterface(bindAddress).withPort(port)
                    .withServerAddress(new NodeAddress("http", host, port, ""))
                    .withAWSRegion(region).withAWSAccountId(accountId).start();
            server.waitUntilStarted();
            phases.phase("ElasticMQ (Pekko) listening");
            toRecreate.forEach(queue -> call("CreateQueue", createRequest(queue.getKey(), queue.getValue())));
            return server;
        });
    }

    /** Waits until ElasticMQ listens; a failed start is reported here. */
    @Override
    public void awaitReady() {
        awaitStarted();
    }

    /**
     * @param bindAddress the address ElasticMQ listens on
     * @return the host queue URLs name: loopback for a wildcard address (which no client can connect to), IPv6
     *         literals in brackets
     */
    static String urlHost(String bindAddress) {
        try {
            if (InetAddress.getByName(bindAddress).isAnyLocalAddress()) {
                return "127.0.0.1";
            }
        } catch (IOException e) {
            return bindAddress;
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    /** Reusing the previous port keeps queue URLs stored in stacks and rules valid across restarts. */
    private boolean isFree(int port) {
        if (port <= 0) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(bindAddress))) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            return probe.getLocalPort();
        }
    }

    /** Waits until ElasticMQ listens (and the recorded queues exist again). */
    private SQSRestServer awaitStarted() {
        CompletableFuture<SQSRestServer> future = starting;
        if (future == null) {
            throw new IllegalStateException("The queue service is not started");
        }
        try {
            return future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ElasticMQ could not start on " + endpoint + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not start on " + endpoint + " within "
                    + START_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ElasticMQ starts", e);
        }
    }

    /** @return the URL clients use as their SQS endpoint */
    public URI endpoint() {
        URI current = endpoint;
        if (current == null) {
            throw new IllegalStateException("The queue service is not started");
        }
        return current;
    }

    /** Creates a standard queue without attributes; see {@link #createQueue(String, Map)}. */
    public String createQueue(String name) {
        return createQueue(name, Map.of());
    }

    /**
     * Creates a queue, or returns the existing one of that name (as SQS does when the attributes agree).
     *
     * @param name       queue name ({@code .fifo} suffix for FIFO queues)
     * @param attributes SQS queue attributes such as {@code VisibilityTimeout}
     * @return the queue URL
     */
    public synchronized String createQueue(String name, Map<String, String> attributes) {
        awaitStarted();
        String url = call("CreateQueue", createRequest(name, attributes)).path("QueueUrl").asText();
        queues.put(name, Map.copyOf(attributes));
        recordQueues();
        return url;
    }

    /** Changes a queue's attributes in place (its messages stay). */
    public synchronized void setQueueAttributes(String queueUrl, Map<String, String> attributes) {
        awaitStarted();
        String name = queueName(queueUrl);
        call("SetQueueAttributes", Map.of("QueueUrl", queueUrl(name), "Attributes", attributes));
        Map<String, String> merged = new LinkedHashMap<>(queues.getOrDefault(name, Map.of()));
        merged.putAll(attributes);
        queues.put(name, Map.copyOf(merged));
        recordQueues();
    }

    /**
     * Sends one message; used by the rules engine's SQS action. The queue is found by the name at the end of its
     * URL, so a URL stored before a restart on another port still reaches it.
     */
    public void sendMessage(String queueUrl, String body) {
        awaitStarted();
        call("SendMessage", Map.of("QueueUrl", queueUrl(queueName(queueUrl)), "MessageBody", body));
    }

    /** Deletes a queue and forgets it. */
    public synchronized void deleteQueue(String queueUrl) {
        awaitStarted();
        call("DeleteQueue", Map.of("QueueUrl", queueUrl(queueName(queueUrl))));
        queues.remove(queueName(queueUrl));
        recordQueues();
    }

    /** @return the names of the queues this service created and keeps across restarts */
    public synchronized List<String> queueNames() {
        return new ArrayList<>(queues.keySet());
    }

    /** @return the queue's URL on this server */
    public String queueUrl(String name) {
        return endpoint() + "/" + accountId + "/" + name;
    }

    /** @return the queue's ARN, {@code arn:aws:sqs:<region>:<account>:<name>} */
    public String queueArn(String queueUrl) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName(queueUrl);
    }

    /** @return the last path segment of a queue URL */
    public static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    /** Stops ElasticMQ and its actor system. Messages are lost; recorded queues come back on the next start. */
    @Override
    public synchronized void close() {
        CompletableFuture<SQSRestServer> future = starting;
        starting = null;
        endpoint = null;
        if (future != null) {
            try {
                future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).stopAndWait();
            } catch (ExecutionException | TimeoutException e) {
                // It never listened: nothing to stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> createRequest(String name, Map<String, String> attributes) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("QueueName", name);
        if (!attributes.isEmpty()) {
            request.put("Attributes", attributes);
        }
        return request;
    }

    private JsonNode call(String operation, Map<String, ?> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint())
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "AmazonSQS." + operation)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SQS " + operation + " failed with HTTP " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("SQS " + operation + " could not reach ElasticMQ at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during SQS " + operation, e);
        }
    }

    private void recordQueues() {
        if (stateFile == null) {
            return;
        }
        try {
            stateFile.save(new RecordedQueues(endpoint().getPort(), new LinkedHashMap<>(queues)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write queue state file " + stateFile.path(), e);
        }
    }

    /** The persisted document: the port last used, queue names and their attributes. */
    record RecordedQueues(int port, Map<String, Map<String, String>> queues) {
    }
}
