package io.jitp.emulator.mqtt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Paho MQTT v5 clients for broker tests: mutual TLS with a test device, received messages in a queue. */
final class PahoClients implements AutoCloseable {

    /** A connected client with what it received and whether the broker closed it. */
    static final class Client extends MessageCallback {
        final MqttClient mqtt;
        final BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        final BlockingQueue<String> topics = new LinkedBlockingQueue<>();
        final BlockingQueue<MqttDisconnectResponse> disconnects = new LinkedBlockingQueue<>();

        Client(MqttClient mqtt) {
            this.mqtt = mqtt;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            disconnects.add(response);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            topics.add(topic);
            received.add(message);
        }
    }

    private final String serverUri;
    private final Path rootCa;
    private final List<Client> clients = new ArrayList<>();

    PahoClients(int port, Path rootCa) {
        this.serverUri = "ssl://127.0.0.1:" + port;
        this.rootCa = rootCa;
    }

    /**
     * @param device   the device whose certificate is presented
     * @param clientId the MQTT client id
     * @return a connected client
     * @throws MqttException when the broker refuses the connection
     */
    Client connect(TestDevice device, String clientId) throws MqttException {
        MqttClient mqtt = new MqttClient(serverUri, clientId, new MemoryPersistence());
        Client client = new Client(mqtt);
        mqtt.setCallback(client);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(device.sslContext(rootCa).getSocketFactory());
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        try {
            mqtt.connect(options);
        } catch (MqttException e) {
            closeQuietly(mqtt);
            throw e;
        }
        clients.add(client);
        return client;
    }

    Client connect(TestDevice device) throws MqttException {
        return connect(device, device.name());
    }

    private static void closeQuietly(MqttClient mqtt) {
        try {
            if (mqtt.isConnected()) {
                mqtt.disconnect();
            }
            mqtt.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // Cleanup of a client the broker may already have closed.
        }
    }

    @Override
    public void close() {
        clients.forEach(client -> closeQuietly(client.mqtt));
        clients.clear();
    }
}
