package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;

import io.reactivex.schedulers.Schedulers;

import javax.net.ssl.TrustManagerFactory;

/**
 * What every device link of a run shares: the broker, its trust, the QoS, and one Netty event loop (clients built
 * with the same executor configuration share its threads, which is what lets one JVM hold thousands of TLS
 * connections).
 *
 * <p>The client's callbacks (received messages, acknowledgements, connects) run directly on that event loop rather
 * than on the client's default application scheduler (RxJava's computation pool): the generator's handlers never
 * block, and each hand-over to another thread cost a queue, a wake-up and a context switch per message — measured,
 * the largest share of the generator's kernel time. A subscriber's forwards are then written from the event loop
 * that read the deliveries, so the client flushes the forwards of one read together (fewer TLS records and
 * syscalls).
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
        return new LinkSettings(broker, broker.trustManagers(), MqttClientExecutorConfig.builder()
                .nettyThreads(nettyThreads).applicationScheduler(Schedulers.from(Runnable::run)).build(),
                plan.protocol(), plan.qos());
    }

    MqttClientSslConfig ssl(DeviceKeyManager keys) {
        return MqttClientSslConfig.builder().keyManagerFactory(keys.factory()).trustManagerFactory(trust).build();
    }

    /**
     * @param id     client id
     * @param keys   its TLS identity
     * @param topic  the one topic it publishes to
     * @param events where the link reports losses and failed publishes
     * @return the link, not connected yet
     */
    DeviceLink link(String id, DeviceKeyManager keys, String topic, DeviceLink.Events events) {
        return protocol == MqttProtocol.V5 ? new Mqtt5Link(id, this, keys, topic, events)
                : new Mqtt3Link(id, this, keys, topic, events);
    }
}
