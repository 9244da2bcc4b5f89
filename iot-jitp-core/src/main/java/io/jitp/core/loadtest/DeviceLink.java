package io.jitp.core.loadtest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One device's MQTT connection, asynchronous (an event-loop client: thousands of connections share a few threads).
 * A refused CONNECT completes {@link #connect()} with a {@link ConnectRefusedException}.
 */
interface DeviceLink {
    /** @return completes at CONNACK success */
    CompletableFuture<Void> connect();

    /**
     * @param filter  topic filter
     * @param handler gets each received payload, one at a time per link
     * @return completes when the broker granted the subscription, exceptionally if it refused it
     */
    CompletableFuture<Void> subscribe(String filter, Consumer<byte[]> handler);

    /**
     * @param topic   topic
     * @param payload payload
     * @return completes when sent (QoS 0) or acknowledged (QoS 1), exceptionally on an error reason code
     */
    CompletableFuture<Void> publish(String topic, byte[] payload);

    /** @return completes when disconnected */
    CompletableFuture<Void> disconnect();

    /** The broker refused a CONNECT (AWS's JITP first connection: not authorized). */
    final class ConnectRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        ConnectRefusedException(int code) {
            super("CONNECT refused with code 0x" + Integer.toHexString(code));
            this.code = code;
        }

        /** @return the CONNACK reason (MQTT 5) or return code (3.1.1) */
        int code() {
            return code;
        }
    }
}
