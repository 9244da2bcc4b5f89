package io.jitp.core.mqtt;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Connects a device the way a JITP device must: the first connection of a not yet registered certificate is closed
 * by AWS IoT after provisioning (the stand-in answers CONNACK 0x87), so a refused CONNECT is retried; AWS allows one
 * CONNECT per second per client id, so the first retry waits {@code firstDelay} (at least one second) and each further
 * one twice as long, up to {@code maxDelay}, for at most {@code maxAttempts} refusals. A server that cannot be reached
 * or drops the connection (a restart) is retried with the same backoff plus jitter until {@code reconnectBudget} is
 * used up ({@link ReconnectBackoff}). A rejected certificate is not retried: no wait fixes it.
 *
 * @param maxAttempts     refused connection attempts in all, at least 1
 * @param firstDelay      wait before the first retry, at least one second
 * @param maxDelay        longest wait between attempts
 * @param reconnectBudget how long one device keeps retrying after losing the server
 */
public record JitpConnector(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration reconnectBudget) {
    /** AWS IoT's limit is one CONNECT per second per client id; a little margin avoids 0x9F answers. */
    public static final Duration MIN_DELAY = Duration.ofMillis(1100);

    /** Long enough for a restarting stand-in (a JVM and its broker) to come back. */
    public static final Duration DEFAULT_RECONNECT_BUDGET = Duration.ofSeconds(60);

    /** Defaults: 3 attempts, waits of 1.1 s then 2.2 s; 60 s of reconnecting after losing the server. */
    public static final JitpConnector DEFAULT = new JitpConnector(3, MIN_DELAY, Duration.ofSeconds(8));

    /** Enforces the one-second floor. */
    public JitpConnector {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        firstDelay = firstDelay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : firstDelay;
        maxDelay = maxDelay.compareTo(firstDelay) < 0 ? firstDelay : maxDelay;
        reconnectBudget = reconnectBudget == null || reconnectBudget.isNegative() ? Duration.ZERO : reconnectBudget;
    }

    /**
     * With the {@linkplain #DEFAULT_RECONNECT_BUDGET default reconnect budget}.
     *
     * @param maxAttempts refused connection attempts in all, at least 1
     * @param firstDelay  wait before the first retry, at least one second
     * @param maxDelay    longest wait between attempts
     */
    public JitpConnector(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this(maxAttempts, firstDelay, maxDelay, DEFAULT_RECONNECT_BUDGET);
    }

    /** @return a fresh budget for one device's reconnections, starting now */
    public ReconnectBackoff newBackoff() {
        return new ReconnectBackoff(reconnectBudget, firstDelay, maxDelay);
    }

    /**
     * How the connection went.
     *
     * @param attempts       connection attempts made
     * @param handshakeNanos duration of the TLS handshake of the connection that succeeded
     * @param jitpDelayNanos time from the first refused attempt to the successful connection (0 if the first
     *                       attempt succeeded: the device was already provisioned)
     */
    public record Connected(int attempts, long handshakeNanos, long jitpDelayNanos) {
    }

    /**
     * @param client an unconnected device client
     * @return how it went
     * @throws MqttRefusedException    the last refusal once every attempt is used (its message counts them)
     * @throws ConnectionLostException when the server stayed unreachable for the whole reconnect budget
     * @throws IOException             on a TLS failure, or when interrupted
     */
    public Connected connect(DeviceClient client) throws IOException {
        return connect(client, newBackoff());
    }

    /**
     * @param client  an unconnected device client
     * @param backoff the device's reconnect budget, shared with whatever else it does after connecting
     * @return how it went
     * @throws MqttRefusedException    the last refusal once every attempt is used (its message counts them)
     * @throws ConnectionLostException when the server stayed unreachable for the rest of the budget
     * @throws IOException             on a TLS failure, or when interrupted
     */
    public Connected connect(DeviceClient client, ReconnectBackoff backoff) throws IOException {
        long firstRefusal = 0;
        Duration delay = firstDelay;
        int refusals = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                client.connect();
                long jitpDelay = firstRefusal == 0 ? 0 : System.nanoTime() - firstRefusal;
                return new Connected(attempt, client.lastHandshakeNanos(), jitpDelay);
            } catch (MqttRefusedException e) {
                if (++refusals >= maxAttempts) {
                    throw new MqttRefusedException(e.operation() + " (" + attempt + " attempts)", e.reasonCode(),
                            e.reasonCode() == MqttRefusedException.NO_REASON_CODE ? rootMessage(e) : null, e);
                }
                if (firstRefusal == 0) {
                    firstRefusal = System.nanoTime();
                }
                pause(delay);
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            } catch (ConnectionLostException e) {
                backoff.retryAfter(e);
            }
        }
    }

    private static String rootMessage(MqttRefusedException e) {
        String message = e.getMessage();
        int colon = message.indexOf("refused: ");
        return colon < 0 ? message : message.substring(colon + "refused: ".length());
    }

    private static void pause(Duration delay) throws InterruptedIOException {
        // A little jitter keeps thousands of devices from retrying in lockstep.
        long millis = delay.toMillis() + ThreadLocalRandom.current().nextLong(50);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to reconnect");
        }
    }
}
