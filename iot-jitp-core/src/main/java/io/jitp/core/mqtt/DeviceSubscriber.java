package io.jitp.core.mqtt;

import io.jitp.core.Reporter;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The seed's {@code sub}: connect as the device and print what arrives — bounded, unlike the seed's, by a message
 * count and a time, so a build never hangs.
 */
public final class DeviceSubscriber {
    private final MqttEndpoint endpoint;
    private final JitpConnector connector;
    private final Reporter reporter;

    /**
     * @param endpoint  where to connect
     * @param connector connection retries
     * @param reporter  where the steps are logged
     */
    public DeviceSubscriber(MqttEndpoint endpoint, JitpConnector connector, Reporter reporter) {
        this.endpoint = endpoint;
        this.connector = connector;
        this.reporter = reporter;
    }

    /**
     * @param identity    the device
     * @param filter      the topic filter (the seed's: {@code #})
     * @param qos         0 or 1
     * @param maxMessages stop after this many messages; 0 for no count limit
     * @param maxWait     stop after this long in any case
     * @param onMessage   told each message
     * @return how many messages arrived
     * @throws MqttRefusedException if the broker refuses the connection or the subscription
     * @throws IOException          on TLS or network failures, or when interrupted
     */
    public int subscribe(DeviceIdentity identity, String filter, int qos, int maxMessages, Duration maxWait,
                         Consumer<ReceivedMessage> onMessage) throws IOException {
        try (DeviceClient client = DeviceClient.create(identity, endpoint)) {
            connector.connect(client);
            client.subscribe(filter, qos);
            reporter.info("Subscribed to " + filter + " as " + identity.clientId() + "; waiting for "
                    + (maxMessages > 0 ? maxMessages + " message(s) or " : "messages for ") + maxWait.toSeconds()
                    + " s");
            long deadline = System.nanoTime() + maxWait.toNanos();
            int count = 0;
            while ((maxMessages <= 0 || count < maxMessages) && System.nanoTime() < deadline) {
                ReceivedMessage message = client.nextMessage(Duration.ofNanos(
                        Math.min(deadline - System.nanoTime(), Duration.ofMillis(500).toNanos())));
                if (message != null) {
                    count++;
                    onMessage.accept(message);
                } else if (!client.isConnected()) {
                    throw new MqttRefusedException("SUBSCRIBE to " + filter, MqttRefusedException.NO_REASON_CODE,
                            "the broker closed the connection", null);
                }
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for messages");
        }
    }
}
