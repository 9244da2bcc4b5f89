package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;

/** What the MQTT 5 and 3.1.1 links share: the client's configuration and how a refused CONNECT is told apart. */
final class HiveMqLinks {
    private HiveMqLinks() {
    }

    /**
     * @return a client builder for one device, before the MQTT version is chosen: the broker, the device's TLS
     *         identity, the shared event loop, and the loss listener
     */
    static MqttClientBuilder builder(String id, LinkSettings settings, DeviceKeyManager keys,
                                     DeviceLink.Events events) {
        return MqttClient.builder().identifier(id)
                .serverHost(settings.broker().host()).serverPort(settings.broker().port())
                .sslConfig(settings.ssl(keys)).executorConfig(settings.executor())
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        events.lost();
                    }
                });
    }

    /**
     * @param connAck     the client's connect future
     * @param refusedCode the CONNACK code of a refusal exception, or -1 for any other failure
     * @return completes at success; a refusal as {@link DeviceLink.ConnectRefusedException}
     */
    static CompletableFuture<Void> connected(CompletableFuture<?> connAck, ToIntFunction<Throwable> refusedCode) {
        return connAck.handle((ok, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                return null;
            }
            int code = refusedCode.applyAsInt(cause);
            throw code >= 0 ? new DeviceLink.ConnectRefusedException(code) : new CompletionException(cause);
        });
    }

    /** @return the cause of a completion exception, else the throwable itself (null stays null) */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
