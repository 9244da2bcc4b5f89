package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;

import javax.net.ssl.TrustManagerFactory;

/**
 * What every device link of a run shares: the broker, its trust, the QoS, and one Netty event loop (clients built
 * with the same executor configuration share its threads, which is what lets one JVM hold thousands of TLS
 * connections).
 *
 * @param broker   where to connect
 * @param trust    trust for the server certificate
 * @param executor the shared event loop
 * @param protocol MQTT version
 * @param qos      0 or 1, for publishes and subscriptions
 */
record LinkSettings(BrokerAddress broker, TrustManagerFactory trust, MqttClientExecutorConfig executor,
                    MqttProtocol protocol, int qos) {
    static LinkSettings of(BrokerAddress broker, LoadTestPlan plan, int nettyThreads) {
        return new LinkSettings(broker, broker.trustManagers(),
                MqttClientExecutorConfig.builder().nettyThreads(nettyThreads).build(), plan.protocol(), plan.qos());
    }

    MqttClientSslConfig ssl(DeviceKeyManager keys) {
        return MqttClientSslConfig.builder().keyManagerFactory(keys.factory()).trustManagerFactory(trust).build();
    }

    DeviceLink link(String id, DeviceKeyManager keys, Runnable onLost) {
        return protocol == MqttProtocol.V5 ? new Mqtt5Link(id, this, keys, onLost)
                : new Mqtt3Link(id, this, keys, onLost);
    }
}
