package io.jitp.emulator.mqtt;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS IoT's port-443 variant: a listener that accepts a connection only when its TLS ClientHello offers ALPN
 * {@code x-amzn-mqtt-ca}, then passes the bytes through, untouched, to the broker's mutual-TLS listener (so the
 * broker still sees the client certificate). HiveMQ CE cannot require ALPN itself; it does not select the
 * protocol either, which TLS clients accept.
 */
final class AlpnGate implements AutoCloseable {

    /** The protocol name AWS IoT requires for MQTT on port 443. */
    static final String PROTOCOL = "x-amzn-mqtt-ca";

    private static final Logger LOG = LoggerFactory.getLogger(AlpnGate.class);
    private static final int MAX_RECORD = 5 + 16_384 + 2048;

    private final ServerSocket server;
    private final int targetPort;
    private final InetAddress targetAddress;
    private final ExecutorService threads;

    /**
     * @param bindAddress address to listen on
     * @param port        port to listen on
     * @param targetPort  the broker's TLS port on the same address
     */
    AlpnGate(String bindAddress, int port, int targetPort) throws IOException {
        this.targetAddress = InetAddress.getByName(bindAddress);
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(targetAddress, port));
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "iot-jitp-alpn-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    /** @return the listening port */
    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> gate(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("ALPN listener accept failed: {}", e.toString());
                }
            }
        }
    }

    private void gate(Socket client) {
        try {
            byte[] hello = readRecord(new DataInputStream(client.getInputStream()));
            if (!ClientHelloAlpn.offered(hello).contains(PROTOCOL)) {
                LOG.info("Refused a connection on the ALPN port from {}: its ClientHello does not offer ALPN {}",
                        client.getRemoteSocketAddress(), PROTOCOL);
                client.close();
                return;
            }
            Socket broker = new Socket(targetAddress, targetPort);
            broker.getOutputStream().write(hello);
            threads.execute(() -> pipe(broker, client));
            pipe(client, broker);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static byte[] readRecord(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        if (length > MAX_RECORD) {
            throw new IOException("TLS record too large");
        }
        byte[] record = new byte[5 + length];
        System.arraycopy(header, 0, record, 0, 5);
        in.readFully(record, 5, length);
        return record;
    }

    /** Copies one direction until it ends, then closes both sockets. */
    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The other direction or the peer closed: the connection is over.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }
}
