package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** A device link speaking MQTT 5 through the HiveMQ client's async API. */
final class Mqtt5Link implements DeviceLink {
    private final Mqtt5AsyncClient client;
    private final MqttQos qos;

    Mqtt5Link(String id, LinkSettings settings, DeviceKeyManager keys, Runnable onLost) {
        this.qos = MqttQos.fromCode(settings.qos());
        this.client = MqttClient.builder().useMqttVersion5().identifier(id)
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
        return client.connectWith().cleanStart(true).keepAlive(60).send()
                .handle((connAck, failure) -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof Mqtt5ConnAckException refused) {
                        throw new ConnectRefusedException(refused.getMqttMessage().getReasonCode().getCode());
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
                    for (Mqtt5SubAckReasonCode code : subAck.getReasonCodes()) {
                        if (code.isError()) {
                            throw new IllegalStateException("Subscription to " + filter + " refused: " + code);
                        }
                    }
                });
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith().topic(topic).qos(qos).payload(payload).send().thenAccept(Mqtt5Link::check);
    }

    private static void check(Mqtt5PublishResult result) {
        result.getError().ifPresent(error -> {
            throw new CompletionException(error);
        });
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1 && qos1.getPubAck().getReasonCode().isError()) {
            throw new IllegalStateException("PUBACK " + qos1.getPubAck().getReasonCode());
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
