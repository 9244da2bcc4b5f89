package io.jitp.core.mqtt;

import java.io.IOException;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A device over Paho MQTT 5 ({@code org.eclipse.paho.mqttv5.client}). */
final class Mqtt5DeviceClient extends AbstractDeviceClient implements MqttCallback {
    private MqttAsyncClient client;

    Mqtt5DeviceClient(String clientId, DeviceTls tls, MqttEndpoint endpoint) {
        super(clientId, tls, endpoint);
    }

    @Override
    public void connect() throws IOException {
        close();
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(socketFactory());
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(timeoutSeconds());
        options.setKeepAliveInterval(60);
        try {
            client = new MqttAsyncClient(tls.serverUri(), clientId, new MemoryPersistence(), null,
                    SharedPahoExecutor.INSTANCE);
            client.setCallback(this);
            client.connect(options).waitForCompletion(timeoutMillis());
        } catch (MqttException e) {
            close();
            throw connectFailed(e.getReasonCode(), e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws IOException {
        String operation = "SUBSCRIBE to " + filter;
        try {
            IMqttToken token = connected(operation).subscribe(filter, qos);
            token.waitForCompletion(timeoutMillis());
            checkReasonCodes(operation, token.getReasonCodes());
        } catch (MqttException e) {
            throw refused(operation, e.getReasonCode(), e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) throws IOException {
        String operation = "PUBLISH to " + topic;
        try {
            IMqttToken token = connected(operation).publish(topic, payload, qos, false);
            token.waitForCompletion(timeoutMillis());
            if (qos > 0) {
                checkReasonCodes(operation, token.getReasonCodes());
            }
        } catch (MqttException e) {
            throw refused(operation, e.getReasonCode(), e.getMessage(), e);
        }
    }

    private MqttAsyncClient connected(String operation) throws MqttRefusedException {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            throw new MqttRefusedException(operation, MqttRefusedException.NO_REASON_CODE, "not connected", null);
        }
        return c;
    }

    private static void checkReasonCodes(String operation, int[] codes) throws MqttRefusedException {
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    throw new MqttRefusedException(operation, code, null, null);
                }
            }
        }
    }

    @Override
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public void close() {
        MqttAsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(0).waitForCompletion(timeoutMillis());
            }
        } catch (MqttException | RuntimeException e) {
            // Closing anyway: the broker may already have dropped the connection.
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            // Nothing more to release.
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrived(new ReceivedMessage(topic, message.getPayload()));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // Seen by the next operation, which fails with "not connected".
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // Surfaces through the token of the operation it concerns.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Publishes wait on their own token.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // connect() waits on its token.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication: AWS IoT authenticates by the TLS client certificate.
    }
}
