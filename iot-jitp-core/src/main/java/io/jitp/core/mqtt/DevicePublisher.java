package io.jitp.core.mqtt;

import io.jitp.core.Reporter;

import java.io.IOException;

/** The seed's {@code pub}: connect as the device (surviving a JITP first connection) and publish one message. */
public final class DevicePublisher {
    private final MqttEndpoint endpoint;
    private final JitpConnector connector;
    private final Reporter reporter;

    /**
     * @param endpoint  where to connect
     * @param connector connection retries
     * @param reporter  where the steps are logged
     */
    public DevicePublisher(MqttEndpoint endpoint, JitpConnector connector, Reporter reporter) {
        this.endpoint = endpoint;
        this.connector = connector;
        this.reporter = reporter;
    }

    /**
     * @param identity the device
     * @param topic    the topic (the seed's: the thing's name)
     * @param payload  the message
     * @param qos      0 or 1
     * @throws MqttRefusedException if the broker refuses the connection or the message
     * @throws IOException          on TLS or network failures
     */
    public void publish(DeviceIdentity identity, String topic, byte[] payload, int qos) throws IOException {
        try (DeviceClient client = DeviceClient.create(identity, endpoint)) {
            JitpConnector.Connected connected = connector.connect(client);
            reporter.info("Connected as " + identity.clientId() + " to " + endpoint.describe()
                    + (connected.attempts() > 1 ? " after " + connected.attempts() + " attempts" : ""));
            client.publish(topic, payload, qos);
            reporter.info("Published " + payload.length + " byte(s) to " + topic + " (QoS " + qos + ")");
        }
    }
}
