package io.jitp.core.mqtt;

import java.io.IOException;
import java.time.Duration;

/**
 * One device's MQTT connection over mutual TLS, MQTT 5 or 3.1.1 alike. Not thread-safe: one caller drives it; received
 * messages are queued until {@link #nextMessage} takes them.
 */
public interface DeviceClient extends AutoCloseable {
    /**
     * @param identity the device (its CommonName is the client id)
     * @param endpoint where to connect, and which MQTT version to speak
     * @return an unconnected client
     * @throws IOException if the TLS material is unusable
     */
    static DeviceClient create(DeviceIdentity identity, MqttEndpoint endpoint) throws IOException {
        PahoLogging.quiet();
        DeviceTls tls = new DeviceTls(identity, endpoint);
        return endpoint.version() == MqttVersion.V5 ? new Mqtt5DeviceClient(identity.clientId(), tls, endpoint)
                : new Mqtt311DeviceClient(identity.clientId(), tls, endpoint);
    }

    /** @return the MQTT client id */
    String clientId();

    /**
     * One connection attempt with a clean session; a previous connection of this client is closed first.
     *
     * @throws MqttRefusedException if the broker refuses or drops the connection
     * @throws IOException          if TLS or the network fails
     */
    void connect() throws IOException;

    /** @return how long the TLS handshake of the last successful TLS connection took, in nanoseconds; 0 if none */
    long lastHandshakeNanos();

    /**
     * @param filter a topic filter
     * @param qos    0 or 1
     * @throws MqttRefusedException if the broker refuses it
     * @throws IOException          on a network failure
     */
    void subscribe(String filter, int qos) throws IOException;

    /**
     * Publishes and, for QoS 1, waits for the acknowledgement and checks its reason code (Paho does not throw on a
     * PUBACK reason code ≥ 0x80).
     *
     * @param topic   the topic
     * @param payload the payload
     * @param qos     0 or 1
     * @throws MqttRefusedException if the broker refuses it or closes the connection
     * @throws IOException          on a network failure
     */
    void publish(String topic, byte[] payload, int qos) throws IOException;

    /**
     * @param wait how long to wait at most
     * @return the next received message, or null if none arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    ReceivedMessage nextMessage(Duration wait) throws InterruptedException;

    /** @return true while connected */
    boolean isConnected();

    /** Disconnects (if connected) and releases the client's threads; never throws. */
    @Override
    void close();
}
