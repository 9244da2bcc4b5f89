package io.jitp.emulator.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Paho refuses a publish while its in-flight window is full: load loops retry until the window opens. */
final class InflightRetry {

    /** A Paho call. */
    @FunctionalInterface
    interface PahoCall {
        void run() throws MqttException;
    }

    private InflightRetry() {
    }

    static void run(PahoCall call) throws MqttException {
        while (true) {
            try {
                call.run();
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
