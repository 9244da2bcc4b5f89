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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Queue URLs are {@code <endpoint>/<account>/<name>} and ARNs {@code arn:aws:sqs:<region>:<account>:<name>}.
 * ElasticMQ keeps queues in memory only, so the queues themselves (with their attributes, not their messages) are
 * recorded in {@code sqs-queues.json} under the state directory and re-created on start: a stack's queue survives a
 * restart of the stand-in as it survives in AWS between two builds. Queues are found by the name at the end of a
 * URL, so a URL kept from an earlier run still reaches its queue.
 *
 * <p>As a stand-in component the SQS endpoint is the control plane's own port: the front door checks the signature
 * of requests signed for {@code sqs} and hands them to {@link SqsForwarder}, which holds each one until ElasticMQ
 * listens. ElasticMQ (Pekko) takes a second or more to start in a fresh JVM, so it is not started before the
 * stand-in's readiness signal (where it would compete with the MQTT broker for the CPU): right after it when recorded
 * queues must be re-created ({@link #afterReady()}), otherwise by the first operation that needs it; every operation
 * waits until it listens.
 * Run on its own ({@link #start()}), ElasticMQ's port is the endpoint.
 */
public final class QueueService implements EmulatorComponent {
    private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);

    /** The state file's name in the state directory. */
    public static final String STATE_FILE = "sqs-queues.json";
    /** The SigV4 signing name of SQS requests, which the front door routes here. */
    public static final String SIGNING_NAME = "sqs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_TIMEOUT_SECONDS = 120;

    private final String bindAddress;
    private final String region;
    private final String accountId;
    private final StateFile<RecordedQueues> stateFile;
    private final int elasticMqPort;
    private final Map<String, Map<String, String>> queues = new LinkedHashMap<>();
    /** What clients use and queue URLs name. */
    private volatile URI endpoint;
    /** Where ElasticMQ listens: the endpoint itself when run alone, behind the front door as a component. */
    private volatile URI elasticMq;
    private volatile String listenAddress;
    private volatile CompletableFuture<SQSRestServer> starting;
    private boolean launched;

    /**
     * @param bindAddress loopback address to listen on, such as {@code 127.0.0.1}, when ElasticMQ's port is the
     *                    endpoint; behind the front door it listens on loopback only, whatever the stand-in's address
     * @param region      region used in queue ARNs
     * @param accountId   account id used in queue URLs and ARNs
     * @param stateDirectory where the queue list is kept; {@code null} keeps nothing across restarts
     */
    public QueueService(String bindAddress, String region, String accountId, Path stateDirectory) {
        this(bindAddress, region, accountId, stateDirectory, 0);
    }

    /** @param elasticMqPort the port ElasticMQ listens on, 0 for a free one (tests take one that is in use) */
    QueueService(String bindAddress, String region, String accountId, Path stateDirectory, int elasticMqPort) {
        this.bindAddress = bindAddress;
        this.region = region;
        this.accountId = accountId;
        this.stateFile = stateDirectory == null ? null
                : new StateFile<>(stateDirectory.resolve(STATE_FILE), RecordedQueues.class);
        this.elasticMqPort = elasticMqPort;
    }

    /**
     * Starts ElasticMQ on its own port, which is the SQS endpoint, and re-creates the recorded queues, returning
     * once it listens.
     *
     * @throws IOException if the recorded queue list exists but cannot be read, or ElasticMQ cannot start
     */
    public void start() throws IOException {
        begin(null);
        awaitStarted();
    }

    /**
     * Starts as a component of the stand-in: SQS requests come through the front door (the SQS endpoint published
     * in {@code endpoints.json} is the control-plane URL); ElasticMQ starts after the readiness signal or on
     * first use.
     */
    @Override
    public void start(EmulatorContext context) throws IOException {
        begin(context.controlPlaneUrl());
        context.publishSqsEndpoint(endpoint);
        context.serveSigningName(SIGNING_NAME, new SqsForwarder(this));
    }

    /** @param frontDoor the URL clients reach SQS on, or null when ElasticMQ's own port is the endpoint */
    private synchronized void begin(URI frontDoor) throws IOException {
        if (starting != null) {
            throw new IllegalStateException("The queue service is already started");
        }
        stateFile().ifPresent(recorded -> queues.putAll(recorded.queues()));
        // Behind the front door, nobody but the front door needs to reach ElasticMQ, which checks no signature.
        listenAddress = frontDoor == null ? bindAddress : InetAddress.getLoopbackAddress().getHostAddress();
        int port = elasticMqPort != 0 ? elasticMqPort : freePort();
        elasticMq = URI.create("http://" + urlHost(listenAddress) + ":" + port);
        endpoint = frontDoor == null ? elasticMq : frontDoor;
        starting = new CompletableFuture<>();
        launched = false;
    }

    private Optional<RecordedQueues> stateFile() throws IOException {
        return stateFile == null ? Optional.empty() : stateFile.load();
    }

    /**
     * The stand-in has signalled readiness: ElasticMQ no longer competes with the broker's start. It starts now only
     * if recorded queues must be back; otherwise the first SQS request or queue starts it, so the many builds that
     * never use SQS (provisioning, smoke-connect, load tests) never pay for Pekko's start.
     */
    @Override
    public synchronized void afterReady() {
        if (!queues.isEmpty()) {
            launch();
        }
    }

    /** @return whether ElasticMQ has been asked to start (it may still be starting) */
    synchronized boolean elasticMqLaunched() {
        return launched;
    }

    /** Starts ElasticMQ in the background unless it already started or the service is closed. */
    private synchronized void launch() {
        CompletableFuture<SQSRestServer> future = starting;
        if (launched || future == null) {
            return;
        }
        launched = true;
        URI listenOn = elasticMq;
        URI named = endpoint;
        List<Map.Entry<String, Map<String, String>>> toRecreate = new ArrayList<>(queues.entrySet());
        Thread thread = new Thread(() -> {
            PhaseClock phases = new PhaseClock(LOG);
            SQSRestServer server = null;
            try {
                // Queue URLs name the endpoint clients use, which is the front door when ElasticMQ sits behind it.
                server = SQSRestServerBuilder.withInterface(listenAddress).withPort(listenOn.getPort())
                        .withServerAddress(new NodeAddress("http", named.getHost(), named.getPort(), ""))
                        .withAWSRegion(region).withAWSAccountId(accountId).start();
                server.waitUntilStarted();
                phases.phase("ElasticMQ (Pekko) listening");
                toRecreate.forEach(queue -> call("CreateQueue", createRequest(queue.getKey(), queue.getValue())));
                LOG.info("SQS (ElasticMQ) listening on {}, reached through {}", listenOn, named);
                future.complete(server);
            } catch (RuntimeException e) {
                LOG.error("ElasticMQ could not start on {}: {}; SQS requests are answered with ServiceUnavailable",
                        listenOn, e.toString());
                future.completeExceptionally(e);
                stopQuietly(server);
            }
        }, "iot-jitp-sqs-start");
        thread.setDaemon(true);
        thread.start();
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

    private int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(listenAddress))) {
            return probe.getLocalPort();
        }
    }

    /**
     * Starts ElasticMQ if nothing has yet, and waits until it listens.
     *
     * @return where ElasticMQ listens, for the front door to forward SQS requests to
     * @throws IllegalStateException if it could not start, or the service is closed
     */
    URI awaitElasticMq() {
        awaitStarted();
        return elasticMq;
    }

    /** Waits until ElasticMQ listens (and the recorded queues exist again), starting it if nothing has yet. */
    private SQSRestServer awaitStarted() {
        CompletableFuture<SQSRestServer> future = starting;
        if (future == null) {
            throw new IllegalStateException("The queue service is not started");
        }
        launch();
        try {
            return future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ElasticMQ could not start on " + elasticMq + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not start on " + elasticMq + " within "
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
        if (future != null && !launched) {
            future.completeExceptionally(new IllegalStateException("the stand-in is stopping"));
        } else if (future != null) {
            try {
                future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).stopAndWait();
            } catch (ExecutionException | TimeoutException e) {
                // It never listened: nothing to stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the actor system of a server that failed to bind, so its threads do not outlive the failure. */
    private static void stopQuietly(SQSRestServer server) {
        if (server == null) {
            return;
        }
        try {
            server.stopAndWait();
        } catch (RuntimeException e) {
            LOG.debug("ElasticMQ did not stop cleanly after its failed start: {}", e.toString());
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
            HttpRequest request = HttpRequest.newBuilder(elasticMq)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "AmazonSQS." + operation)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = ElasticMqHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SQS " + operation + " failed with HTTP " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("SQS " + operation + " could not reach ElasticMQ at " + elasticMq, e);
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
            stateFile.save(new RecordedQueues(new LinkedHashMap<>(queues)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write queue state file " + stateFile.path(), e);
        }
    }

    /**
     * The persisted document: queue names and their attributes (files from earlier versions also hold the port
     * ElasticMQ last used, which is ignored: queues are found by name).
     */
    record RecordedQueues(Map<String, Map<String, String>> queues) {
    }
}
