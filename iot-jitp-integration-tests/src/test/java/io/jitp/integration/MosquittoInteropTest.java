package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.mqtt.DeviceClient;
import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.DevicePublisher;
import io.jitp.core.mqtt.DeviceSubscriber;
import io.jitp.core.mqtt.JitpConnector;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pub} and {@code sub} interoperate with {@code mosquitto_sub} and {@code mosquitto_pub} over mutual TLS. */
@ExtendWith(SharedStandIn.class)
class MosquittoInteropTest {
    private static final Path MOSQUITTO_SUB = Path.of("/usr/bin/mosquitto_sub");
    private static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");
    private static final Path STDBUF = Path.of("/usr/bin/stdbuf");

    @TempDir
    static Path folder;
    private static DeviceStandIn standIn;
    private static List<DeviceRecord> devices;

    @BeforeAll
    static void provision(DeviceStandIn shared) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO_SUB) && Files.isExecutable(MOSQUITTO_PUB)
                        && Files.isExecutable(STDBUF),
                "mosquitto clients (apt-get install mosquitto-clients) or stdbuf missing: interop not tested");
        standIn = shared;
        devices = DeviceStandIn.issue(standIn.registerCa("mosquitto-root", "IoTAccess"), folder, "mosq-", 2)
                .manifest().devices();
        for (DeviceRecord device : devices) {
            // mosquitto clients do not retry the JITP first connection: provision every device beforehand.
            try (DeviceClient client = DeviceClient.create(identity(device), standIn.mqtt())) {
                JitpConnector.DEFAULT.connect(client);
            }
        }
    }

    private static DeviceIdentity identity(DeviceRecord device) throws Exception {
        return DeviceIdentity.find(folder, device.id());
    }

    private static List<String> tls(DeviceRecord device) {
        return List.of("-h", standIn.endpoints.mqttHost(), "-p", Integer.toString(standIn.endpoints.mqttPort()),
                "--cafile", standIn.endpoints.rootCaPemPath().toString(), "--cert",
                folder.resolve(device.certificateFile()).toString(), "--key", folder.resolve(device.keyFile()).toString(),
                "-i", device.id(), "-V", "mqttv5", "-q", "1");
    }

    @Test
    void mosquittoSubReceivesWhatPubPublishes() throws Exception {
        DeviceRecord listener = devices.get(0);
        DeviceRecord talker = devices.get(1);
        // mosquitto_sub block-buffers a pipe: line buffering lets the test see SUBACK before it publishes.
        List<String> command = new ArrayList<>(List.of(STDBUF.toString(), "-oL", MOSQUITTO_SUB.toString(), "-d",
                "-C", "1", "-W", "20", "-t", talker.id()));
        command.addAll(tls(listener));
        Process sub = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(sub.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (java.io.IOException e) {
                    lines.add("read failed: " + e);
                }
            });
            reader.start();
            awaitLine(lines, "SUBACK");
            new DevicePublisher(standIn.mqtt(), JitpConnector.DEFAULT, Reporter.silent()).publish(identity(talker), talker.id(),
                    "from iot:pub".getBytes(StandardCharsets.UTF_8), 1);
            awaitLine(lines, "from iot:pub");
            assertTrue(sub.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, sub.exitValue());
        } finally {
            sub.destroyForcibly();
        }
    }

    @Test
    void subReceivesWhatMosquittoPubPublishes() throws Exception {
        DeviceRecord listener = devices.get(0);
        DeviceRecord talker = devices.get(1);
        List<String> received = new ArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        Reporter reporter = new Reporter() {
            @Override
            public void info(String message) {
                if (message.startsWith("Subscribed")) {
                    subscribed.countDown();
                }
            }

            @Override
            public void warn(String message) {
                // not needed here
            }
        };
        CompletableFuture<Integer> count = CompletableFuture.supplyAsync(() -> {
            try {
                return new DeviceSubscriber(standIn.mqtt(), JitpConnector.DEFAULT, reporter).subscribe(identity(listener), "#",
                        1, 1, Duration.ofSeconds(20), m -> received.add(m.topic() + " " + m.text()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(subscribed.await(20, TimeUnit.SECONDS));
        // mosquitto_pub does not retry a 0x9F: respect AWS's one CONNECT per second per client id.
        Thread.sleep(JitpConnector.MIN_DELAY.toMillis());
        List<String> command = new ArrayList<>(List.of(MOSQUITTO_PUB.toString(), "-t", talker.id(), "-m",
                "from mosquitto_pub"));
        command.addAll(tls(talker));
        Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertTrue(pub.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, pub.exitValue(), new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            pub.destroyForcibly();
        }
        assertEquals(1, count.get(20, TimeUnit.SECONDS));
        assertEquals(List.of(talker.id() + " from mosquitto_pub"), received);
    }

    private static void awaitLine(BlockingQueue<String> lines, String fragment) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(fragment)) {
                    return;
                }
            }
        }
        throw new AssertionError("mosquitto_sub never printed '" + fragment + "': " + seen);
    }
}
