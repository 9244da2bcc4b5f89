package io.jitp.core.mqtt;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;
import javax.net.ssl.SSLException;

/** What both Paho flavours share: identity, TLS, the received-message queue, the handshake timing. */
abstract class AbstractDeviceClient implements DeviceClient {
    /** Paho's own client-side codes start here; below are the broker's. */
    private static final int FIRST_CLIENT_CODE = 256;

    protected final String clientId;
    protected final DeviceTls tls;
    protected final MqttEndpoint endpoint;
    private final BlockingQueue<ReceivedMessage> received = new LinkedBlockingQueue<>();
    private volatile long handshakeNanos;
    /** Whether the current connection attempt got through its TLS handshake. */
    private volatile boolean handshaken;

    AbstractDeviceClient(String clientId, DeviceTls tls, MqttEndpoint endpoint) {
        this.clientId = clientId;
        this.tls = tls;
        this.endpoint = endpoint;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public long lastHandshakeNanos() {
        return handshakeNanos;
    }

    @Override
    public ReceivedMessage nextMessage(Duration wait) throws InterruptedException {
        return received.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @param message a delivered message, from Paho's callback thread */
    protected void arrived(ReceivedMessage message) {
        received.add(message);
    }

    /** @return the socket factory Paho connects with, for one connection attempt; it records the handshake time */
    protected SocketFactory socketFactory() {
        handshaken = false;
        return tls.socketFactory(nanos -> {
            handshakeNanos = nanos;
            handshaken = true;
        });
    }

    /** @return the bound on one network operation, in milliseconds */
    protected long timeoutMillis() {
        return endpoint.timeout().toMillis();
    }

    /** @return the connect timeout in whole seconds, as Paho takes it */
    protected int timeoutSeconds() {
        return (int) Math.max(1, endpoint.timeout().toSeconds());
    }

    /**
     * A failed connection attempt: an unknown host or a certificate the server rejects as they are (no wait fixes
     * them, so they are not retried); a server that cannot be reached or goes away before the TLS handshake is done
     * as a {@link ConnectionLostException}; a broker refusal, or a connection closed after the handshake but before
     * CONNACK (AWS's JITP drop), as a refusal.
     *
     * @param pahoCode Paho's reason code
     * @param message  Paho's message
     * @param e        Paho's exception
     * @return the exception to throw
     */
    protected IOException connectFailed(int pahoCode, String message, Exception e) {
        Throwable tlsFailure = null;
        Throwable transportFailure = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new IOException("Cannot connect as " + clientId + " to " + endpoint.describe() + ": "
                        + cause, cause);
            }
            if (cause instanceof SSLException && tlsFailure == null) {
                tlsFailure = cause;
            } else if ((cause instanceof SocketException || cause instanceof EOFException
                    || cause instanceof SocketTimeoutException) && transportFailure == null) {
                transportFailure = cause;
            }
        }
        // A server's alert is its answer (the certificate is rejected), even when the socket broke right after it.
        boolean alerted = tlsFailure != null && String.valueOf(tlsFailure.getMessage()).contains("fatal alert");
        if (!handshaken && transportFailure != null && !alerted) {
            return new ConnectionLostException("Cannot reach " + endpoint.describe() + " as " + clientId + ": "
                    + transportFailure, false, e);
        }
        if (tlsFailure != null) {
            return new IOException("Cannot connect as " + clientId + " to " + endpoint.describe() + ": "
                    + tlsFailure, tlsFailure);
        }
        return refused("CONNECT as " + clientId, pahoCode, message, e);
    }

    /**
     * @param operation  what failed
     * @param pahoCode   Paho's reason code: the broker's below 256, Paho's own above
     * @param message    Paho's message
     * @param cause      Paho's exception
     * @return the refusal
     */
    protected static MqttRefusedException refused(String operation, int pahoCode, String message, Throwable cause) {
        boolean fromBroker = pahoCode > 0 && pahoCode < FIRST_CLIENT_CODE;
        Throwable root = cause;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        // Paho's own text for client-side failures ("Untranslated MqttException") hides what happened.
        String detail = root != null && root != cause ? root.toString() : message;
        return new MqttRefusedException(operation, fromBroker ? pahoCode : MqttRefusedException.NO_REASON_CODE,
                fromBroker ? null : detail, cause);
    }
}
