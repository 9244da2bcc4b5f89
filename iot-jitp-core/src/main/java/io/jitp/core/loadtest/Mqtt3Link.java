package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A device link speaking MQTT 3.1.1 through the HiveMQ client's async API. */
final class Mqtt3Link implements DeviceLink {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Mqtt3AsyncClient client;
    private final MqttQos qos;
    private final MqttTopic topic;
    private final Events events;
    private final PublishWindow<Mqtt3Publish> window;

    Mqtt3Link(String id, HiveMqLinks links, DeviceKeyManager keys, String topic, Events events) {
        this.qos = MqttQos.fromCode(links.settings().qos());
        this.topic = MqttTopic.of(topic);
        this.events = events;
        this.client = links.builder(id, keys, events).useMqttVersion3().buildAsync();
        this.window = new PublishWindow<>(
                payload -> client.publishWith().topic(this.topic).qos(qos).payload(payload).send(), this::published);
    }

    @Override
    public CompletableFuture<Void> connect() {
        return HiveMqLinks.connected(client.connectWith().cleanSession(true).keepAlive(60).send(),
                cause -> cause instanceof Mqtt3ConnAckException refused
                        ? refused.getMqttMessage().getReturnCode().getCode() : -1);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, Consumer<ByteBuffer> handler) {
        return client.subscribeWith().topicFilter(filter).qos(qos)
                .callback(publish -> handler.accept(publish.getPayload().orElse(EMPTY))).send()
                .thenAccept(subAck -> {
                    if (subAck.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
                        throw new IllegalStateException("Subscription to " + filter + " refused");
                    }
                });
    }

    @Override
    public void publish(byte[] payload) {
        window.publish(payload);
    }

    private void published(Mqtt3Publish sent, Throwable failure) {
        // 3.1.1 has no PUBACK reason codes: an acknowledged QoS 1 publish succeeded.
        if (failure != null) {
            events.publishFailed(HiveMqLinks.publishFailure(failure));
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
