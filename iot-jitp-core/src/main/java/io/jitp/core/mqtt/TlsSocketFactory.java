package io.jitp.core.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.LongConsumer;

import javax.net.SocketFactory;

/** Hands Paho unconnected {@link TlsSocket}s; only {@link #createSocket()} is used by Paho's TCP module. */
final class TlsSocketFactory extends SocketFactory {
    private final DeviceTls tls;
    private final LongConsumer handshakeNanos;

    TlsSocketFactory(DeviceTls tls, LongConsumer handshakeNanos) {
        this.tls = tls;
        this.handshakeNanos = handshakeNanos;
    }

    @Override
    public Socket createSocket() {
        return new TlsSocket(tls, handshakeNanos);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw unsupported();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw unsupported();
    }

    private static IOException unsupported() {
        return new IOException("Create an unconnected socket and connect it, so the TLS handshake can be set up");
    }
}
