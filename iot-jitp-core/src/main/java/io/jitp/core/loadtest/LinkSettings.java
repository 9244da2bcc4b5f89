package io.jitp.core.loadtest;

import javax.net.ssl.TrustManagerFactory;

/**
 * What every device link of a run shares, whichever client library makes it: the broker, its trust, the MQTT version
 * and the QoS.
 *
 * @param broker   where to connect
 * @param trust    trust for the server certificate
 * @param protocol MQTT version
 * @param qos      0 or 1, for publishes and subscriptions
 */
record LinkSettings(BrokerAddress broker, TrustManagerFactory trust, MqttProtocol protocol, int qos) {
    static LinkSettings of(BrokerAddress broker, LoadTestPlan plan) {
        return new LinkSettings(broker, broker.trustManagers(), plan.protocol(), plan.qos());
    }
}
