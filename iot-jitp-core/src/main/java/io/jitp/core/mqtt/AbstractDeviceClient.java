package io.jitp.core.mqtt;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What both Paho flavours share: identity, TLS, the received-message queue, the handshake timing. */
abstract class AbstractDeviceClient implements DeviceClient {
    /** Paho's own client-side codes start here; below are the broker's. */
    private static final int FIRST_CLIENT_CODE = 256;

    protected final String clientId;
    protected final DeviceTls tls;
    protected final MqttEndpoint endpoint;
    private final BlockingQueue<ReceivedMessage> received = new LinkedBlockingQueue<>();
    private volatile long handshakeNanos;

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

    /** @return the socket factory Paho connects with; it records the handshake time */
    protected javax.net.SocketFactory socketFactory() {
        return tls.socketFactory(nanos -> handshakeNanos = nanos);
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
     * @param operation  what failed
     * @param pahoCode   Paho's reason code: the broker's below 256, Paho's own above
     * @param message    Paho's message
     * @param cause      Paho's exception
     * @return the refusal
     */
    protected static MqttRefusedException refused(String operation, int pahoCode, String message, Throwable cause) {
        boolean fromBroker = pahoCode > 0 && pahoCode < FIRST_CLIENT_CODE;
        return new MqttRefusedException(operation, fromBroker ? pahoCode : MqttRefusedException.NO_REASON_CODE,
                fromBroker ? null : message, cause);
    }
}
