package io.jitp.core.loadtest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;

import io.reactivex.schedulers.Schedulers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;

/**
 * Device links through the HiveMQ MQTT client ({@link Mqtt5Link}, {@link Mqtt3Link}), and what the two versions
 * share: the client's configuration and how its failures map to {@link DeviceLink}'s. Clients built with the same
 * executor configuration share its Netty event loop, which is what lets one JVM hold thousands of TLS connections.
 *
 * <p>The client's callbacks (received messages, acknowledgements, connects) run directly on that event loop rather
 * than on the client's default application scheduler (RxJava's computation pool): the generator's handlers never
 * block, and each hand-over to another thread cost a queue, a wake-up and a context switch per message — measured,
 * the largest share of the generator's kernel time. A subscriber's forwards are then written from the event loop
 * that read the deliveries, so the client flushes the forwards of one read together (fewer TLS records and
 * syscalls).
 */
final class HiveMqLinks implements DeviceLinks {
    private final LinkSettings settings;
    private final MqttClientExecutorConfig executor;

    HiveMqLinks(LinkSettings settings, int nettyThreads) {
        this.settings = settings;
        this.executor = MqttClientExecutorConfig.builder().nettyThreads(nettyThreads)
                .applicationScheduler(Schedulers.from(Runnable::run)).build();
    }

    @Override
    public DeviceLink link(String id, DeviceKeyManager keys, String topic, DeviceLink.Events events) {
        return settings.protocol() == MqttProtocol.V5 ? new Mqtt5Link(id, this, keys, topic, events)
                : new Mqtt3Link(id, this, keys, topic, events);
    }

    /** Nothing to release: the client shuts its event loop down with the last connection. */
    @Override
    public void close() {
        // See above.
    }

    LinkSettings settings() {
        return settings;
    }

    /**
     * @return a client builder for one device, before the MQTT version is chosen: the broker, the device's TLS
     *         identity, the shared event loop, and the loss listener
     */
    MqttClientBuilder builder(String id, DeviceKeyManager keys, DeviceLink.Events events) {
        return MqttClient.builder().identifier(id)
                .serverHost(settings.broker().host()).serverPort(settings.broker().port())
                .sslConfig(MqttClientSslConfig.builder().keyManagerFactory(keys.factory())
                        .trustManagerFactory(settings.trust()).build())
                .executorConfig(executor)
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        events.lost();
                    }
                });
    }

    /**
     * @param connAck     the client's connect future
     * @param refusedCode the CONNACK code of a refusal exception, or -1 for any other failure
     * @return completes at success; a refusal as {@link DeviceLink.ConnectRefusedException}, a connection closed
     *         before the CONNACK as {@link DeviceLink.ConnectionLostException}
     */
    static CompletableFuture<Void> connected(CompletableFuture<?> connAck, ToIntFunction<Throwable> refusedCode) {
        return connAck.handle((ok, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                return null;
            }
            int code = refusedCode.applyAsInt(cause);
            if (code >= 0) {
                throw new DeviceLink.ConnectRefusedException(code);
            }
            throw cause instanceof ConnectionClosedException ? lost(cause) : new CompletionException(cause);
        });
    }

    /**
     * @param failure why the client failed a publish
     * @return the failure, a connection loss (or a publish while disconnected) as
     *         {@link DeviceLink.ConnectionLostException}
     */
    static Throwable publishFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof ConnectionClosedException || cause instanceof MqttSessionExpiredException
                || cause instanceof MqttClientStateException ? lost(cause) : cause;
    }

    private static DeviceLink.ConnectionLostException lost(Throwable cause) {
        return new DeviceLink.ConnectionLostException(cause.getMessage(), cause);
    }

    /** @return the cause of a completion exception, else the throwable itself (null stays null) */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
