package io.jitp.core.mqtt;

import java.io.IOException;

/**
 * The server could not be reached (nothing listening, connection reset, closed during the TLS handshake) or dropped
 * an established connection. Unlike a refusal or a rejected certificate, waiting may fix it: a restarting server
 * comes back. {@link ReconnectBackoff} decides how long to keep trying.
 */
public final class ConnectionLostException extends IOException {
    private final boolean dropped;

    /**
     * @param message what was lost, and where
     * @param dropped true if an established connection was dropped, false if the server could not be reached
     * @param cause   the underlying failure
     */
    public ConnectionLostException(String message, boolean dropped, Throwable cause) {
        super(message, cause);
        this.dropped = dropped;
    }

    /** @return true if an established connection was dropped, false if the server could not be reached */
    public boolean dropped() {
        return dropped;
    }
}
