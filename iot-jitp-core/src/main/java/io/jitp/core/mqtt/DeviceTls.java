package io.jitp.core.mqtt;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.LongConsumer;

import javax.net.SocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Mutual TLS 1.2 as a device: presents the device's chain, trusts only the given anchors, always sends SNI (the JDK
 * leaves it out for dot-less names such as {@code localhost}, and AWS needs it to pick the account's endpoint), checks
 * the server certificate against the host name, and offers ALPN {@value MqttEndpoint#ALPN_PROTOCOL} when asked.
 *
 * <p>The sockets are handed to Paho as a plain {@link SocketFactory} behind a {@code tcp://} URI: Paho's own TLS module
 * rewrites the socket's SSL parameters (dropping ALPN) and cannot report how long the handshake took.
 */
public final class DeviceTls {
    private static final String TLS_1_2 = "TLSv1.2";

    private final SSLContext context;
    private final MqttEndpoint endpoint;

    /**
     * @param identity the device
     * @param endpoint host (SNI and host name check), ALPN and trust anchors
     * @throws IOException if the trust anchors cannot be put into a trust store
     */
    public DeviceTls(DeviceIdentity identity, MqttEndpoint endpoint) throws IOException {
        this.endpoint = endpoint;
        try {
            context = SSLContext.getInstance(TLS_1_2);
            context.init(new KeyManager[] {new DeviceKeyManager(identity)}, AnchorTrust.managers(endpoint.trustAnchors()),
                    null);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up TLS for device " + identity.clientId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param handshakeNanos told how long each TLS handshake took
     * @return a factory of sockets that complete the TLS handshake inside {@code connect}
     */
    public SocketFactory socketFactory(LongConsumer handshakeNanos) {
        return new TlsSocketFactory(this, handshakeNanos);
    }

    /** @return the {@code tcp://host:port} URI to give Paho along with {@link #socketFactory} */
    public String serverUri() {
        return "tcp://" + endpoint.host() + ":" + endpoint.port();
    }

    /**
     * @param raw a connected TCP socket
     * @return a TLS socket over it, configured but not yet handshaken
     * @throws IOException if it cannot be layered
     */
    SSLSocket layer(Socket raw) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, endpoint.host(), endpoint.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(new String[] {TLS_1_2});
        parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (endpoint.alpn()) {
            parameters.setApplicationProtocols(new String[] {MqttEndpoint.ALPN_PROTOCOL});
        }
        tls.setSSLParameters(parameters);
        tls.setUseClientMode(true);
        return tls;
    }
}
