package io.jitp.core.mqtt;

import java.io.IOException;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device over Paho MQTT 3.1.1 ({@code org.eclipse.paho.client.mqttv3}). MQTT 3.1.1 has no PUBACK reason codes: a
 * refused PUBLISH shows as the connection being closed before the acknowledgement.
 */
final class Mqtt311DeviceClient extends AbstractDeviceClient implements MqttCallback {
    private static final int SUBACK_FAILURE = 0x80;

    private MqttAsyncClient client;

    Mqtt311DeviceClient(String clientId, DeviceTls tls, MqttEndpoint endpoint) {
        super(clientId, tls, endpoint);
    }

    @Override
    public void connect() throws IOException {
        close();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(socketFactory());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(timeoutSeconds());
        options.setKeepAliveInterval(60);
        try {
            client = new MqttAsyncClient(tls.serverUri(), clientId, new MemoryPersistence(),
                    new ScheduledExecutorPingSender(SharedPahoExecutor.INSTANCE), SharedPahoExecutor.INSTANCE);
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
            int[] granted = token.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == SUBACK_FAILURE) {
                throw new MqttRefusedException(operation, SUBACK_FAILURE, null, null);
            }
        } catch (MqttException e) {
            throw refused(operation, e.getReasonCode(), e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) throws IOException {
        String operation = "PUBLISH to " + topic;
        try {
            connected(operation).publish(topic, payload, qos, false).waitForCompletion(timeoutMillis());
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
    public void connectionLost(Throwable cause) {
        // Seen by the next operation, which fails with "not connected".
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrived(new ReceivedMessage(topic, message.getPayload()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // Publishes wait on their own token.
    }
}
