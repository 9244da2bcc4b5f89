package io.jitp.core.loadtest;

import io.jitp.core.Reporter;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Connects devices on schedule (the ramp-up), at most {@code concurrency} handshakes at a time (an unbounded burst of
 * TLS handshakes only makes every one of them slow), and retries failures: a device's first connection refused as
 * not authorized, or closed, is AWS's JITP drop, retried after {@link AwsIotQuotas#RECONNECT_PAUSE_MILLIS} (AWS
 * allows one CONNECT per second per client id). A device that lost its connection, or failed otherwise, backs off
 * exponentially with jitter: the pause, plus a random share of a window that doubles with each failure up to
 * {@link #MAX_BACKOFF_MILLIS} — so that a whole fleet dropped by a broker restart does not come back in one burst,
 * and no client id ever connects twice within the pause.
 */
final class Connector implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final int MAX_REPORTED_REASONS = 10;
    private static final int NOT_AUTHORIZED_V5 = 0x87;
    private static final int NOT_AUTHORIZED_V3 = 5;

    private final DelayQueue<Due> queue = new DelayQueue<>();
    private final Semaphore permits;
    private final Timeline timeline;
    private final LatencyRecorders latencies;
    private final Consumer<DeviceSession> onConnected;
    private final Consumer<DeviceSession> onGaveUp;
    private final Thread driver;
    private final Reporter reporter;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Connector(int concurrency, Timeline timeline, LatencyRecorders latencies, Consumer<DeviceSession> onConnected,
              Consumer<DeviceSession> onGaveUp, Reporter reporter) {
        this.reporter = reporter;
        this.permits = new Semaphore(concurrency);
        this.timeline = timeline;
        this.latencies = latencies;
        this.onConnected = onConnected;
        this.onGaveUp = onGaveUp;
        this.driver = new Thread(this::drive, "loadtest-connector");
        driver.setDaemon(true);
        driver.start();
    }

    /** @param device a device to connect @param delayMillis from now */
    void schedule(DeviceSession device, long delayMillis) {
        if (closed) {
            return;
        }
        queue.add(new Due(device, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis)));
    }

    /** @param device a device that lost its connection: connects it again after a backoff */
    void reconnect(DeviceSession device) {
        schedule(device, backoffMillis(device.attempts.get()));
    }

    /**
     * @param failures attempts that failed since the device last connected (0 right after a loss)
     * @return the pause, plus a random share of a window doubling with every failure, bounded
     */
    static long backoffMillis(int failures) {
        long window = Math.min(MAX_BACKOFF_MILLIS, AwsIotQuotas.RECONNECT_PAUSE_MILLIS << Math.min(failures, 16));
        return AwsIotQuotas.RECONNECT_PAUSE_MILLIS + ThreadLocalRandom.current().nextLong(window + 1);
    }

    private void drive() {
        try {
            while (!closed) {
                DeviceSession device = queue.take().device;
                permits.acquire();
                if (closed) {
                    permits.release();
                    return;
                }
                attempt(device);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void attempt(DeviceSession device) {
        device.keys.reset();
        long start = System.nanoTime();
        device.link.connect().whenComplete((ok, failure) -> {
            permits.release();
            if (failure == null) {
                connected(device, start);
            } else {
                failed(device, failure instanceof CompletionException ? failure.getCause() : failure);
            }
        });
    }

    private void connected(DeviceSession device, long start) {
        long now = System.nanoTime();
        long signed = device.keys.keyUsedNanos();
        if (signed > start) {
            latencies.record(Latency.TLS_HANDSHAKE, (signed - start) / 1000);
        }
        latencies.record(Latency.CONNACK, (now - start) / 1000);
        timeline.add(Counter.CONNECTS);
        if (device.everConnected.getAndSet(true)) {
            timeline.add(Counter.RECONNECTS);
        }
        device.attempts.set(0);
        device.connected.set(true);
        onConnected.accept(device);
    }

    private void failed(DeviceSession device, Throwable cause) {
        int attempts = device.attempts.incrementAndGet();
        boolean jitpDrop = attempts == 1 && !device.everConnected.get()
                && (cause instanceof DeviceLink.ConnectionLostException
                || cause instanceof DeviceLink.ConnectRefusedException refused
                && (refused.code() == NOT_AUTHORIZED_V5 || refused.code() == NOT_AUTHORIZED_V3));
        timeline.add(jitpDrop ? Counter.JITP_DROPS : Counter.ERRORS);
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (!jitpDrop && reported.size() < MAX_REPORTED_REASONS && reported.add(reason)) {
            reporter.warn("Connecting " + device.id + " failed (" + reason + "); retrying. Further failures"
                    + " for the same reason are counted, not shown");
        }
        if (closed) {
            return;
        }
        if (attempts >= MAX_ATTEMPTS) {
            onGaveUp.accept(device);
            return;
        }
        schedule(device, jitpDrop ? AwsIotQuotas.RECONNECT_PAUSE_MILLIS + ThreadLocalRandom.current().nextLong(250)
                : backoffMillis(attempts));
    }

    @Override
    public void close() {
        closed = true;
        driver.interrupt();
    }

    private record Due(DeviceSession device, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Due) other).dueNanos);
        }
    }
}
