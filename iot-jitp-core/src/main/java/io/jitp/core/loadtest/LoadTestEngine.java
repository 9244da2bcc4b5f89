package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.pki.Pem;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Runs this shard's devices against a broker and returns the raw results. Order: the collector and the subscribers
 * connect and subscribe first, so that no publish goes unseen; then the publishers connect, each sending at a fixed
 * rate from a random offset within its period (in-phase publishers would hit the broker in bursts) — with a ramp-up
 * from its own connect, without one all together once every publisher is connected (handshakes then run at full
 * speed, undisturbed by traffic); once every device is connected the measured window of {@code duration} seconds
 * starts; then the publishers stop, deliveries in flight drain, and every device disconnects.
 */
public final class LoadTestEngine {
    /** File name of the HdrHistogram log in the output folder. */
    public static final String HISTOGRAM_LOG = "latency.hlog";
    /** TLS handshakes in flight at once. */
    static final int CONNECT_CONCURRENCY = 64;
    private static final long PROGRESS_EVERY_SECONDS = 5;
    private static final long DRAIN_QUIET_MILLIS = 1_000;
    private static final long DRAIN_MAX_MILLIS = 15_000;
    /** Timeline room for connecting, retries and draining beyond the planned seconds. */
    private static final int SLACK_SECONDS = 900;

    private final LoadTestPlan plan;
    private final BrokerAddress broker;
    private final Path devicesFolder;
    private final Path outputFolder;
    private final Reporter reporter;
    private final AtomicLongArray sent;
    private final AtomicLongArray forwarded;
    private final AtomicLongArray collected;
    private final List<String> failedDevices = Collections.synchronizedList(new ArrayList<>());
    private Timeline timeline;
    private LatencyRecorders latencies;
    private Connector connector;
    private ScheduledExecutorService scheduler;
    private PublisherSchedules publishSchedules;
    private CountDownLatch listenersReady;
    private CountDownLatch publishersConnected;
    private final AtomicBoolean lossReported = new AtomicBoolean();
    private int eventLoopThreads = defaultEventLoopThreads();
    private MqttClientLibrary client = MqttClientLibrary.DEFAULT;
    private volatile boolean stopping;

    /**
     * @param plan          what to run (this shard's slice)
     * @param broker        where to connect
     * @param devicesFolder device certificates and keys, {@code <id>.crt} and {@code <id>.key}
     * @param outputFolder  where the histogram log is written
     * @param reporter      progress
     */
    public LoadTestEngine(LoadTestPlan plan, BrokerAddress broker, Path devicesFolder, Path outputFolder,
                          Reporter reporter) {
        this.plan = plan;
        this.broker = broker;
        this.devicesFolder = devicesFolder;
        this.outputFolder = outputFolder;
        this.reporter = reporter;
        this.sent = new AtomicLongArray(plan.publishers());
        this.forwarded = new AtomicLongArray(plan.publishers());
        this.collected = new AtomicLongArray(plan.publishers());
    }

    /**
     * @param threads the Netty event loop's threads, which do every device's TLS and MQTT work; 0 for
     *                {@link #defaultEventLoopThreads()}
     * @return this engine
     */
    public LoadTestEngine eventLoopThreads(int threads) {
        if (threads < 0) {
            throw new InvalidInputException("iot.loadtest.eventLoopThreads must be 0 (automatic) or more, not "
                    + threads);
        }
        this.eventLoopThreads = threads == 0 ? defaultEventLoopThreads() : threads;
        return this;
    }

    /**
     * @param library the MQTT client the devices use
     * @return this engine
     */
    public LoadTestEngine client(MqttClientLibrary library) {
        this.client = library;
        return this;
    }

    /**
     * @return half the cores, at least one: one event-loop thread takes more ready connections per wake-up, so it
     *         spends fewer CPU-µs per message than one per core (measured, docs/benchmarks.md), and it carries the
     *         seed's 20,000 msg/s with TLS at about a quarter of a core (AWS's default account quota is 20,000/s
     *         each way); the other cores are left to the JVM (JIT, GC) and, in a test on one machine, the broker
     */
    public static int defaultEventLoopThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * @return the results
     * @throws IOException if a device file or the output folder cannot be used, or the run is interrupted
     *                     ({@link InterruptedIOException}; devices are disconnected first)
     */
    public RunData run() throws IOException {
        List<DeviceSession> listeners = new ArrayList<>();
        if (plan.runsCollector()) {
            listeners.add(session(DeviceRole.COLLECTOR.id(0), DeviceRole.COLLECTOR));
        }
        for (String id : plan.localSubscribers()) {
            listeners.add(session(id, DeviceRole.SUBSCRIBER));
        }
        List<DeviceSession> publishers = new ArrayList<>();
        for (String id : plan.localPublishers()) {
            publishers.add(session(id, DeviceRole.PUBLISHER));
        }
        Files.createDirectories(outputFolder);
        long startSecond = WallClock.second();
        timeline = new Timeline(startSecond, plan.rampUpSeconds() + plan.durationSeconds() + SLACK_SECONDS);
        List<DeviceSession> all = new ArrayList<>(listeners);
        all.addAll(publishers);
        listenersReady = new CountDownLatch(listeners.size());
        publishersConnected = new CountDownLatch(publishers.size());
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "loadtest-publishers");
            thread.setDaemon(true);
            return thread;
        });
        publishSchedules = new PublisherSchedules(scheduler, Math.round(1e9 / plan.ratePerPublisher()));
        try (LeakDetectionPause quiet = new LeakDetectionPause();
             DeviceLinks links = client.links(LinkSettings.of(broker, plan), eventLoopThreads);
             LatencyRecorders recorders = new LatencyRecorders(outputFolder.resolve(HISTOGRAM_LOG),
                     startSecond * 1000)) {
            for (DeviceSession device : all) {
                device.link = links.link(device.id, device.keys, device.role == DeviceRole.PUBLISHER
                        ? LoadTestTopics.publishTopic(device.id) : LoadTestTopics.FORWARDS, new DeviceLink.Events() {
                            @Override
                            public void lost() {
                                LoadTestEngine.this.lost(device);
                            }

                            @Override
                            public void publishFailed(Throwable failure) {
                                LoadTestEngine.this.publishFailed(failure);
                            }
                        });
            }
            latencies = recorders;
            connector = new Connector(CONNECT_CONCURRENCY, timeline, latencies, this::connected, this::gaveUp,
                    reporter);
            try {
                return measure(listeners, publishers, all, startSecond);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The load test was interrupted");
            } finally {
                stopping = true;
                connector.close();
                publishSchedules.stop();
                disconnect(all);
                scheduler.shutdownNow();
            }
        }
    }

    private RunData measure(List<DeviceSession> listeners, List<DeviceSession> publishers, List<DeviceSession> all,
                            long startSecond) throws InterruptedException {
        scheduler.scheduleAtFixedRate(() -> tick(all), 1, 1, TimeUnit.SECONDS);
        long connectStart = System.nanoTime();
        listeners.forEach(device -> connector.schedule(device, 0));
        listenersReady.await();
        long rampMillis = plan.rampUpSeconds() * 1000L;
        for (int i = 0; i < publishers.size(); i++) {
            connector.schedule(publishers.get(i), publishers.isEmpty() ? 0 : rampMillis * i / publishers.size());
        }
        publishersConnected.await();
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        ProcessFigures.compactHeap();
        if (plan.rampUpSeconds() == 0) {
            // Without a ramp-up every device connects first, at full handshake speed, and all start together.
            publishers.forEach(this::startPublishing);
        }
        reporter.info(String.format("Connected %d of %d devices in %.1f s (%s client, Netty %s transport, TLS by %s, %d"
                        + " event-loop thread%s); measuring for %d s", all.size() - failedDevices.size(), all.size(),
                connectSeconds, client.label(), NettyTransport.name(), NettyTransport.tls(), eventLoopThreads,
                eventLoopThreads == 1 ? "" : "s", plan.durationSeconds()));
        long steadyStart = WallClock.second() + 1;
        long steadyEnd = steadyStart + plan.durationSeconds();
        sleepUntil(steadyStart);
        long cpuStart = ProcessFigures.cpuNanos();
        long systemStart = ProcessFigures.systemCpuNanos();
        sleepUntil(steadyEnd);
        long cpu = ProcessFigures.cpuNanos() - cpuStart;
        long system = systemStart < 0 ? -1 : ProcessFigures.systemCpuNanos() - systemStart;
        GeneratorFigures generator = generatorFigures(all.size(), connectSeconds, cpu, system, steadyStart,
                steadyEnd);
        stopping = true;
        drain();
        latencies.flush();
        return data(startSecond, steadyStart, steadyEnd, listeners, generator);
    }

    private GeneratorFigures generatorFigures(int devices, double connectSeconds, long cpuNanos, long systemNanos,
                                              long from, long to) {
        long messages = timeline.sum(Counter.PUBLISHED, from, to) + timeline.sum(Counter.DELIVERED, from, to)
                + timeline.sum(Counter.FORWARDED, from, to);
        return new GeneratorFigures(plan.shard().toString(), devices, connectSeconds, cpuNanos / 1e9,
                systemNanos < 0 ? -1 : systemNanos / 1e9, messages,
                messages == 0 ? 0 : cpuNanos / 1000.0 / messages, ProcessFigures.rssBytes(),
                ProcessFigures.heapUsedBytes(), ProcessFigures.threads());
    }

    private DeviceSession session(String id, DeviceRole role) throws IOException {
        Path certificate = devicesFolder.resolve(id + ".crt");
        Path key = devicesFolder.resolve(id + ".key");
        if (!Files.isRegularFile(certificate) || !Files.isRegularFile(key)) {
            throw new InvalidInputException("Device " + id + " has no certificate and key in " + devicesFolder
                    + "; issue the load-test devices first (LoadTestDevices.ensure, run by iot:loadtest)");
        }
        return new DeviceSession(id, role, new DeviceKeyManager(Pem.readCertificates(certificate),
                Pem.readPrivateKey(key, null)), plan.publishers());
    }

    private void connected(DeviceSession device) {
        switch (device.role) {
            case PUBLISHER -> {
                if (!device.everPublishing) {
                    device.everPublishing = true;
                    device.publishClock = publishSchedules.currentClock();
                    if (plan.rampUpSeconds() > 0) {
                        startPublishing(device);
                    }
                    publishersConnected.countDown();
                }
            }
            case SUBSCRIBER -> subscribe(device, LoadTestTopics.PUBLISHES_FILTER, payload -> delivered(device,
                    payload));
            case COLLECTOR -> subscribe(device, LoadTestTopics.FORWARDS, this::collected);
        }
    }

    /** Sends at the planned rate from a random offset within the first period, until the run stops. */
    private void startPublishing(DeviceSession device) {
        // A publisher that never connected has no event loop: it ticks on the scheduler, counting missed publishes.
        publishSchedules.start(device.publishClock != null ? device.publishClock : scheduler, () -> publish(device));
    }

    private void subscribe(DeviceSession device, String filter, Consumer<ByteBuffer> handler) {
        device.link.subscribe(filter, handler).whenComplete((ok, failure) -> {
            if (failure != null) {
                timeline.add(Counter.ERRORS);
                reporter.warn(device.id + " could not subscribe to " + filter + ": " + failure.getMessage());
            }
            if (!device.ready) {
                device.ready = true;
                listenersReady.countDown();
            }
        });
    }

    private void gaveUp(DeviceSession device) {
        failedDevices.add(device.id);
        reporter.warn(device.id + " did not connect after " + Connector.MAX_ATTEMPTS + " attempts");
        if (device.role == DeviceRole.PUBLISHER) {
            publishersConnected.countDown();
        } else if (!device.ready) {
            device.ready = true;
            listenersReady.countDown();
        }
    }

    /** The broker or the network dropped a device: it reconnects after a backoff, the run goes on. */
    private void lost(DeviceSession device) {
        if (device.connected.compareAndSet(true, false) && !stopping) {
            timeline.add(Counter.DISCONNECTS);
            if (!lossReported.getAndSet(true)) {
                reporter.warn(device.id + " lost its connection; devices reconnect with backoff (further losses are"
                        + " counted in the progress lines and the report)");
            }
            connector.reconnect(device);
        }
    }

    private void publish(DeviceSession device) {
        if (stopping) {
            return;
        }
        if (!device.connected.get()) {
            timeline.add(Counter.MISSED);
            return;
        }
        int seq = device.nextSeq++;
        sent.set(device.number, seq + 1L);
        device.link.publish(LoadTestMessages.publish(device.id, seq, WallClock.micros(), plan.payloadSize()));
        timeline.add(Counter.PUBLISHED);
    }

    private void delivered(DeviceSession subscriber, ByteBuffer payload) {
        long now = WallClock.micros();
        LoadTestMessages.Received message = LoadTestMessages.read(payload);
        if (message == null || message.subscriber() >= 0) {
            timeline.add(message == null ? Counter.ERRORS : Counter.ECHOES);
            return;
        }
        latencies.record(Latency.DELIVERY, now - message.sentMicros());
        timeline.add(Counter.DELIVERED);
        if (subscriber.tracker.see(message.publisher(), message.seq())) {
            subscriber.link.publish(LoadTestMessages.forward(message, subscriber.id, now, plan.payloadSize()));
            timeline.add(Counter.FORWARDED);
            forwarded.incrementAndGet(message.publisher());
        }
    }

    private void collected(ByteBuffer payload) {
        long now = WallClock.micros();
        LoadTestMessages.Received message = LoadTestMessages.read(payload);
        if (message == null || message.subscriber() < 0 || message.publisher() >= plan.publishers()) {
            timeline.add(Counter.ERRORS);
            return;
        }
        latencies.record(Latency.FORWARD, now - message.sentMicros());
        timeline.add(Counter.COLLECTED);
        collected.incrementAndGet(message.publisher());
    }

    /** A publish cut off by a connection loss is lost (the accounts count it); anything else is an error. */
    private void publishFailed(Throwable failure) {
        if (stopping) {
            return;
        }
        timeline.add(failure instanceof DeviceLink.ConnectionLostException ? Counter.ABORTED : Counter.ERRORS);
    }

    private void tick(List<DeviceSession> all) {
        long now = WallClock.second();
        long connected = all.stream().filter(device -> device.connected.get()).count();
        int devices = all.size();
        timeline.set(Counter.CONNECTED, now - 1, connected);
        if ((now - timeline.startSecond()) % PROGRESS_EVERY_SECONDS == 0) {
            latencies.flush();
            long from = now - PROGRESS_EVERY_SECONDS;
            double rate = (timeline.sum(Counter.PUBLISHED, from, now) + timeline.sum(Counter.DELIVERED, from, now)
                    + timeline.sum(Counter.FORWARDED, from, now)) / (double) PROGRESS_EVERY_SECONDS;
            reporter.info(String.format("t=%ds connected %d/%d, %.0f msg/s (%.3f of %s expected), delivery p99 %.1f ms,"
                            + " JITP drops %d, errors %d%s", now - timeline.startSecond(), connected, devices, rate,
                    rate / plan.shardExpectedPerSecond(), LoadTestPlan.trim(plan.shardExpectedPerSecond()),
                    latencies.total(Latency.DELIVERY).getValueAtPercentile(99) / 1000.0,
                    timeline.total(Counter.JITP_DROPS), timeline.total(Counter.ERRORS), outage()));
        }
    }

    /** @return the connection losses so far, for the progress line (empty while there were none) */
    private String outage() {
        long disconnects = timeline.total(Counter.DISCONNECTS);
        return disconnects == 0 ? "" : String.format(", disconnects %d, reconnects %d, publishes missed %d, cut off %d",
                disconnects, timeline.total(Counter.RECONNECTS), timeline.total(Counter.MISSED),
                timeline.total(Counter.ABORTED));
    }

    private void drain() throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_MAX_MILLIS;
        long last = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            long received = timeline.total(Counter.DELIVERED) + timeline.total(Counter.COLLECTED);
            if (received != last) {
                last = received;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= DRAIN_QUIET_MILLIS) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void sleepUntil(long epochSecond) throws InterruptedException {
        long millis = epochSecond * 1000 - WallClock.micros() / 1000;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void disconnect(List<DeviceSession> devices) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (DeviceSession device : devices) {
            if (device.link != null && device.connected.getAndSet(false)) {
                pending.add(device.link.disconnect().exceptionally(failure -> null));
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Devices still closing are dropped with the event loop; the results are already taken.
        }
    }

    private RunData data(long startSecond, long steadyStart, long steadyEnd, List<DeviceSession> listeners,
                         GeneratorFigures generator) {
        long[] seenBy = new long[plan.publishers()];
        long[] firstSum = new long[plan.publishers()];
        long[] delivered = new long[plan.publishers()];
        long duplicates = 0;
        int subscribers = 0;
        for (DeviceSession listener : listeners) {
            if (listener.tracker == null) {
                continue;
            }
            subscribers++;
            duplicates += listener.tracker.duplicates();
            for (int p = 0; p < plan.publishers(); p++) {
                if (listener.tracker.seen(p)) {
                    seenBy[p]++;
                    firstSum[p] += listener.tracker.first(p);
                    delivered[p] += listener.tracker.count(p);
                }
            }
        }
        List<PublisherAccount> accounts = new ArrayList<>(plan.publishers());
        for (int p = 0; p < plan.publishers(); p++) {
            accounts.add(new PublisherAccount(p, sent.get(p), seenBy[p], firstSum[p], delivered[p],
                    forwarded.get(p), collected.get(p)));
        }
        Map<String, long[]> series = new LinkedHashMap<>();
        Map<Counter, long[]> snapshot = timeline.snapshot(WallClock.second());
        new EnumMap<>(snapshot).forEach((counter, values) -> series.put(counter.jsonName(), values));
        return new RunData(broker.description(), plan, List.of(plan.shard().toString()),
                plan.shardExpectedPerSecond(), startSecond, steadyStart, steadyEnd, series, duplicates, subscribers,
                plan.runsCollector(), List.copyOf(failedDevices), accounts, List.of(generator));
    }
}
