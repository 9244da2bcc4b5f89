package io.jitp.core.loadtest;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * The Debian mosquitto broker with a TLS listener on a free loopback port that requires client certificates from our
 * CA ({@code require_certificate}, {@code use_identity_as_username}): the fast, real broker the load-test benchmark
 * measures the generator against, and the broker the restart test kills and starts again on the same port. Used by
 * tests and by {@code bench/LoadTestBench.java} (the bench script puts the test classes on its classpath).
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Path EXECUTABLE = Path.of("/usr/sbin/mosquitto");

    private final Path work;
    private final Path config;
    private final int port;
    private final CertificateAuthority ca;
    private Process process;

    private MosquittoBroker(Path work, Path config, int port, CertificateAuthority ca) {
        this.work = work;
        this.config = config;
        this.port = port;
        this.ca = ca;
    }

    /** @return whether the broker is installed ({@code apt-get install mosquitto}) */
    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /**
     * @param work a folder for its configuration, server certificate and log
     * @param ca   the CA that issued the devices' certificates (and signs the broker's)
     * @return the broker, listening
     * @throws IOException if it cannot be configured or does not start listening
     */
    public static MosquittoBroker start(Path work, CertificateAuthority ca) throws IOException {
        return start(work, ca, List.of());
    }

    /**
     * @param work  a folder for its configuration, server certificate and log
     * @param ca    the CA that issued the devices' certificates (and signs the broker's)
     * @param extra further configuration lines (e.g. {@code clientid_prefixes}, an {@code acl_file})
     * @return the broker, listening
     * @throws IOException if it cannot be configured or does not start listening
     */
    public static MosquittoBroker start(Path work, CertificateAuthority ca, List<String> extra) throws IOException {
        Files.createDirectories(work);
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        Path serverCert = work.resolve("server.crt");
        Path serverKey = work.resolve("server.key");
        Path caFile = work.resolve("ca.crt");
        SecureFiles.writePublic(serverCert, Pem.encode(ca.issueServerCertificate(keys.getPublic(), "localhost",
                List.of("localhost"), List.of("127.0.0.1"), 30)));
        SecureFiles.writeSecret(serverKey, Pem.encode(keys.getPrivate()));
        SecureFiles.writePublic(caFile, ca.certificatePem());
        int port = freePort();
        Path config = work.resolve("mosquitto.conf");
        List<String> lines = new java.util.ArrayList<>(List.of(
                "user " + System.getProperty("user.name"),
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "max_queued_messages 1000000",
                "max_inflight_messages 0",
                "set_tcp_nodelay true",
                "listener " + port + " 127.0.0.1",
                "cafile " + caFile,
                "certfile " + serverCert,
                "keyfile " + serverKey,
                "require_certificate true",
                "use_identity_as_username true"));
        lines.addAll(extra);
        lines.add("");
        Files.writeString(config, String.join("\n", lines));
        MosquittoBroker broker = new MosquittoBroker(work, config, port, ca);
        broker.launch();
        return broker;
    }

    /** @return its TLS port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return where load-test devices connect */
    public BrokerAddress address() {
        return new BrokerAddress("localhost", port, List.of(ca.certificate()), "mosquitto " + port);
    }

    /** @return the broker's process id */
    public long pid() {
        return process.pid();
    }

    /**
     * Kills the broker (SIGKILL: no goodbye to its clients, as in a crash) and waits until it is gone.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Freezes the broker (SIGSTOP): its connections stay open, but it reads, answers and acknowledges nothing until
     * killed — what a test needs to have publishes certainly unacknowledged when the connection goes.
     *
     * @throws IOException          if {@code kill} cannot be run
     * @throws InterruptedException if interrupted while waiting for it
     */
    public void suspend() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-STOP", Long.toString(pid())).inheritIO().start().waitFor();
    }

    /**
     * Starts the broker again on the same port, with the same configuration (and no sessions: persistence is off).
     *
     * @throws IOException if it does not listen again
     */
    public void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(EXECUTABLE.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("mosquitto.log")
                        .toFile())).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("mosquitto exited: " + Files.readString(work.resolve("mosquitto.log")));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IOException("mosquitto did not listen on 127.0.0.1:" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the broker (SIGTERM) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
