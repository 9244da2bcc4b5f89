package io.jitp.emulator.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the Debian {@code mosquitto_pub} / {@code mosquitto_sub} 2.0.11 against the broker, as the seed's scripts do. */
final class Mosquitto {

    /** Outcome of a finished client. */
    record Result(int exitCode, String output) {
    }

    private final int port;
    private final Path rootCa;

    Mosquitto(int port, Path rootCa) {
        this.port = port;
        this.rootCa = rootCa;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/mosquitto_pub")) && Files.isExecutable(Path.of("/usr/bin/mosquitto_sub"));
    }

    /** The seed's TLS options: trust the root CA, present the device certificate and key, client id. */
    private List<String> command(String tool, Path certificate, String clientId, String protocol) {
        Path key = certificate.resolveSibling(certificate.getFileName().toString().replace(".crt", ".key"));
        return new ArrayList<>(List.of("/usr/bin/" + tool, "-h", "127.0.0.1", "-p", Integer.toString(port),
                "--cafile", rootCa.toString(), "--cert", certificate.toString(), "--key", key.toString(),
                "--tls-version", "tlsv1.2", "-i", clientId, "-V", protocol, "-d"));
    }

    Result publish(Path certificate, String clientId, String protocol, String topic, String message, int qos)
            throws IOException, InterruptedException {
        return publish(certificate, clientId, protocol, topic, message, qos, List.of());
    }

    /** @param extra further options, e.g. {@code -p <port> --tls-alpn <protocol>} (a later {@code -p} wins) */
    Result publish(Path certificate, String clientId, String protocol, String topic, String message, int qos,
                   List<String> extra) throws IOException, InterruptedException {
        List<String> command = command("mosquitto_pub", certificate, clientId, protocol);
        command.addAll(List.of("-t", topic, "-m", message, "-q", Integer.toString(qos)));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mosquitto_pub did not finish: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    /** A running {@code mosquitto_sub -C <count>}; {@link #awaitSubscribed()} returns once its SUBACK arrived. */
    final class Subscriber implements AutoCloseable {
        private final Process process;
        private final BufferedReader output;
        private final List<String> lines = new ArrayList<>();

        Subscriber(Path certificate, String clientId, String protocol, String filter, int count) throws IOException {
            List<String> command = command("mosquitto_sub", certificate, clientId, protocol);
            command.addAll(List.of("-t", filter, "-C", Integer.toString(count), "-v"));
            // mosquitto_sub writes to a pipe block-buffered: stdbuf makes its SUBACK line visible at once.
            command.addAll(0, List.of("/usr/bin/stdbuf", "-oL"));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // A watchdog: a hung client ends in EOF for the reader instead of a hung test.
            CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(process::destroyForcibly);
            output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        void awaitSubscribed() throws IOException {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
                if (line.contains("received SUBACK")) {
                    return;
                }
            }
            throw new IllegalStateException("mosquitto_sub ended before subscribing: " + lines);
        }

        /** @return everything it printed once it exits (after its message count) */
        String awaitExit() throws IOException, InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("mosquitto_sub did not finish: " + lines);
            }
            lines.addAll(output.lines().collect(Collectors.toList()));
            return String.join("\n", lines);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
