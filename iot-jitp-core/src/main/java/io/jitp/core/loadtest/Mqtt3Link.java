package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** A device link speaking MQTT 3.1.1 through the HiveMQ client's async API. */
final class Mqtt3Link implements DeviceLink {
    private final Mqtt3AsyncClient client;
    private final MqttQos qos;

    Mqtt3Link(String id, LinkSettings settings, DeviceKeyManager keys, Runnable onLost) {
        this.qos = MqttQos.fromCode(settings.qos());
        this.client = MqttClient.builder().useMqttVersion3().identifier(id)
                .serverHost(settings.broker().host()).serverPort(settings.broker().port())
                .sslConfig(settings.ssl(keys)).executorConfig(settings.executor())
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        onLost.run();
                    }
                })
                .buildAsync();
    }

    @Override
    public CompletableFuture<Void> connect() {
        return client.connectWith().cleanSession(true).keepAlive(60).send()
                .handle((connAck, failure) -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof Mqtt3ConnAckException refused) {
                        throw new ConnectRefusedException(refused.getMqttMessage().getReturnCode().getCode());
                    }
                    if (cause != null) {
                        throw new CompletionException(cause);
                    }
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, Consumer<byte[]> handler) {
        return client.subscribeWith().topicFilter(filter).qos(qos)
                .callback(publish -> handler.accept(publish.getPayloadAsBytes())).send()
                .thenAccept(subAck -> {
                    if (subAck.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
                        throw new IllegalStateException("Subscription to " + filter + " refused");
                    }
                });
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        // 3.1.1 has no PUBACK reason codes: an acknowledged QoS 1 publish succeeded.
        return client.publishWith().topic(topic).qos(qos).payload(payload).send().thenApply(sent -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
