package io.jitp.core.loadtest;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One device's MQTT connection, asynchronous (an event-loop client: thousands of connections share a few threads).
 * A refused CONNECT completes {@link #connect()} with a {@link ConnectRefusedException}. A device publishes to one
 * topic only (a publisher to its own, a subscriber its forwards), fixed when the link is made.
 */
interface DeviceLink {
    /** @return completes at CONNACK success */
    CompletableFuture<Void> connect();

    /**
     * @param filter  topic filter
     * @param handler gets each received payload (read-only, valid during the call), one at a time per link, on the
     *                client's event loop: it must not block
     * @return completes when the broker granted the subscription, exceptionally if it refused it
     */
    CompletableFuture<Void> subscribe(String filter, Consumer<ByteBuffer> handler);

    /**
     * Sends without waiting; a failure (an error reason code, the connection lost before the QoS 1 acknowledgement)
     * goes to {@link Events#publishFailed(Throwable)}. No future per message: the generator sends tens of thousands
     * a second.
     *
     * @param payload payload
     */
    void publish(byte[] payload);

    /** @return completes when disconnected */
    CompletableFuture<Void> disconnect();

    /** What a link reports on its own. Called on the client's event loop: must not block. */
    interface Events {
        /** The broker or the network closed the connection (not our disconnect). */
        void lost();

        /** @param failure why a publish failed */
        void publishFailed(Throwable failure);
    }

    /**
     * The connection closed under a link's feet: before the CONNACK (AWS's JITP drop of a first connection), or with
     * publishes not yet acknowledged, or a publish tried while not connected. Every client library reports it as
     * this one type, so that the engine tells a cut-off apart from an error without knowing the library.
     */
    final class ConnectionLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionLostException(String message, Throwable cause) {
            super(message, cause);
        }
    }

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
