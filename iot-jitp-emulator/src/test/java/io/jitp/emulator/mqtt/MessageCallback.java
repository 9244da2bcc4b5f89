package io.jitp.emulator.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho callback that ignores everything; tests override what they watch. */
abstract class MessageCallback implements MqttCallback {

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // Not watched.
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // Reported through disconnects and tokens.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Tests read publish tokens directly.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // Nothing to do.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication here.
    }
}
