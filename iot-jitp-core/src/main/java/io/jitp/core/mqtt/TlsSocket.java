package io.jitp.core.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.function.LongConsumer;

import javax.net.ssl.SSLSocket;

/**
 * A socket whose {@code connect} opens TCP and completes the TLS handshake, timing it; afterwards it reads and writes
 * through TLS. It overrides what Paho's TCP module calls (connect, streams, timeouts, shutdown, close).
 */
final class TlsSocket extends Socket {
    private final DeviceTls tls;
    private final LongConsumer handshakeNanos;
    private final Socket raw = new Socket();
    private volatile SSLSocket secure;

    TlsSocket(DeviceTls tls, LongConsumer handshakeNanos) {
        this.tls = tls;
        this.handshakeNanos = handshakeNanos;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        raw.setTcpNoDelay(true);
        raw.connect(endpoint, timeout);
        long start = System.nanoTime();
        SSLSocket layered = tls.layer(raw);
        try {
            layered.setSoTimeout(timeout);
            layered.startHandshake();
        } catch (IOException e) {
            layered.close();
            throw e;
        }
        handshakeNanos.accept(System.nanoTime() - start);
        secure = layered;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    private SSLSocket secure() throws SocketException {
        SSLSocket s = secure;
        if (s == null) {
            throw new SocketException("Not connected");
        }
        return s;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return secure().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return secure().getOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        raw.setSoTimeout(timeout);
        if (secure != null) {
            secure.setSoTimeout(timeout);
        }
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return raw.getSoTimeout();
    }

    @Override
    public void shutdownInput() throws IOException {
        // TLS sockets refuse half-closes; closing is what Paho wants here.
        close();
    }

    @Override
    public boolean isConnected() {
        return secure != null && secure.isConnected();
    }

    @Override
    public boolean isClosed() {
        return raw.isClosed();
    }

    @Override
    public synchronized void close() throws IOException {
        SSLSocket s = secure;
        if (s != null) {
            s.close();
        }
        raw.close();
    }
}
