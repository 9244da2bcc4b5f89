package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A device link speaking MQTT 5 through the HiveMQ client's async API. */
final class Mqtt5Link implements DeviceLink {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Mqtt5AsyncClient client;
    private final MqttQos qos;
    private final MqttTopic topic;
    private final Events events;
    private final PublishWindow<Mqtt5PublishResult> window;

    Mqtt5Link(String id, HiveMqLinks links, DeviceKeyManager keys, String topic, Events events) {
        this.qos = MqttQos.fromCode(links.settings().qos());
        this.topic = MqttTopic.of(topic);
        this.events = events;
        this.client = links.builder(id, keys, events).useMqttVersion5().buildAsync();
        this.window = new PublishWindow<>(
                payload -> client.publishWith().topic(this.topic).qos(qos).payload(payload).send(), this::published);
    }

    @Override
    public CompletableFuture<Void> connect() {
        return HiveMqLinks.connected(client.connectWith().cleanStart(true).keepAlive(60).send(),
                cause -> cause instanceof Mqtt5ConnAckException refused
                        ? refused.getMqttMessage().getReasonCode().getCode() : -1);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, Consumer<ByteBuffer> handler) {
        return client.subscribeWith().topicFilter(filter).qos(qos)
                .callback(publish -> handler.accept(publish.getPayload().orElse(EMPTY))).send()
                .thenAccept(subAck -> {
                    for (Mqtt5SubAckReasonCode code : subAck.getReasonCodes()) {
                        if (code.isError()) {
                            throw new IllegalStateException("Subscription to " + filter + " refused: " + code);
                        }
                    }
                });
    }

    @Override
    public void publish(byte[] payload) {
        window.publish(payload);
    }

    private void published(Mqtt5PublishResult result, Throwable failure) {
        if (failure != null) {
            events.publishFailed(HiveMqLinks.publishFailure(failure));
        } else if (result.getError().isPresent()) {
            events.publishFailed(HiveMqLinks.publishFailure(result.getError().get()));
        } else if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                && qos1.getPubAck().getReasonCode().isError()) {
            events.publishFailed(new IllegalStateException("PUBACK " + qos1.getPubAck().getReasonCode()));
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
