package io.jitp.emulator.mqtt;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.Emulator;
import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.testing.StandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Prints the broker's figures (run by {@code bench/broker-benchmark.sh}, never by the test suite): TLS + JITP
 * first connections per second, plain reconnections per second and messages delivered per second, for 100 and
 * 1,000 devices with EC and RSA keys, against a stand-in running in its own process (quotas off), plus that
 * process's heap, resident memory and threads.
 */
public final class BrokerBenchmark {

    private static final String SECRET = "benchmark-secret";
    private static final int CONNECTS_IN_FLIGHT = 16;
    private static final int MESSAGES_PER_RUN = 20_000;
    private static final String POLICY = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";
    private static final String TEMPLATE = """
            {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"},
                            "AWS::IoT::Certificate::Id": {"Type": "String"}},
             "Resources": {
               "thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"}}},
               "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {
                 "CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}},
               "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyName": "BenchAccess"}}}}""";

    private final EmulatorEndpoints endpoints;
    private final long pid;

    private BrokerBenchmark(EmulatorEndpoints endpoints) {
        this.endpoints = endpoints;
        this.pid = endpoints.pid();
    }

    /** @param args device counts (default 100 1000) */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 1000) : IntStream.range(0, args.length)
                .mapToObj(i -> Integer.parseInt(args[i])).toList();
        Path state = Files.createTempDirectory("iot-jitp-broker-bench");
        Process standIn = startStandIn(state);
        try {
            EmulatorEndpoints endpoints = awaitEndpoints(state, standIn);
            new BrokerBenchmark(endpoints).run(sizes);
        } finally {
            standIn.destroy();
            standIn.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startStandIn(Path state) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Emulator.class.getName(),
                "--state-dir", state.toString(), "--quotas", "off");
        builder.environment().put(Emulator.SECRET_ENV, SECRET);
        builder.redirectOutput(state.resolveSibling(state.getFileName() + ".log").toFile());
        builder.redirectErrorStream(true);
        return builder.start();
    }

    private static EmulatorEndpoints awaitEndpoints(Path state, Process standIn) throws Exception {
        for (int i = 0; i < 600; i++) {
            Optional<EmulatorEndpoints> endpoints = EmulatorEndpoints.read(state);
            if (endpoints.isPresent()) {
                return endpoints.get();
            }
            if (!standIn.isAlive()) {
                throw new IllegalStateException("the stand-in exited with " + standIn.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the stand-in did not start within a minute");
    }

    private void run(List<Integer> sizes) throws Exception {
        try (IotClient iot = StandIn.client(endpoints)) {
            iot.createPolicy(r -> r.policyName("BenchAccess").policyDocument(POLICY));
            // Warm-up (not printed): the JIT of both JVMs would otherwise be charged to the first row.
            scenario(KeyAlgorithm.EC_P256, devices(iot, KeyAlgorithm.EC_P256, "warmup", 100), false);
            System.out.printf("%-8s %7s %14s %14s %12s %10s %10s %8s%n", "keys", "devices", "JITP conn/s",
                    "reconnect/s", "deliver/s", "heap MB", "RSS MB", "threads");
            for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.EC_P256, KeyAlgorithm.RSA_2048)) {
                for (int size : sizes) {
                    scenario(algorithm, devices(iot, algorithm, Integer.toString(size), size), true);
                }
            }
        }
    }

    private static List<TestDevice> devices(IotClient iot, KeyAlgorithm algorithm, String run, int count) {
        CertificateAuthority ca = registerCa(iot, algorithm + "-" + run);
        String prefix = algorithm.name().toLowerCase() + "-" + run + "-";
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> TestDevice.issue(ca, prefix + i, algorithm)).toList();
    }

    private static CertificateAuthority registerCa(IotClient iot, String name) {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("bench-" + name),
                KeyAlgorithm.EC_P256, 30);
        String code = iot.getRegistrationCode().registrationCode();
        X509Certificate verification = ca.issueDeviceCertificate(KeyAlgorithm.EC_P256.generate().getPublic(),
                SubjectProfile.ofCommonName(code), 30);
        iot.registerCACertificate(r -> r.caCertificate(ca.certificatePem())
                .verificationCertificate(Pem.encode(verification)).setAsActive(true).allowAutoRegistration(true)
                .registrationConfig(c -> c.templateBody(TEMPLATE).roleArn("arn:aws:iam::123456789012:role/bench")));
        return ca;
    }

    private void scenario(KeyAlgorithm algorithm, List<TestDevice> devices, boolean print) throws Exception {
        double jitp = connectAll(devices, new ArrayList<>());
        List<MqttAsyncClient> clients = new ArrayList<>();
        AtomicLong delivered = new AtomicLong();
        double reconnect = connectAll(devices, clients, delivered);
        double deliveries = deliver(clients, delivered);
        if (print) {
            System.out.printf("%-8s %7d %14.1f %14.1f %12.0f %s%n", algorithm.name(), devices.size(), jitp, reconnect,
                    deliveries, standInStats());
        }
        for (MqttAsyncClient client : clients) {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    private double connectAll(List<TestDevice> devices, List<MqttAsyncClient> kept) throws Exception {
        return connectAll(devices, kept, null);
    }

    /**
     * Connects every device, {@value #CONNECTS_IN_FLIGHT} handshakes at a time; keeps the clients when
     * {@code delivered} is given (subscribed to their own topic), else closes them (JITP first connects).
     *
     * @return connections per second (refused JITP first connections included)
     */
    private double connectAll(List<TestDevice> devices, List<MqttAsyncClient> kept, AtomicLong delivered)
            throws Exception {
        Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(devices.size());
        AtomicInteger failures = new AtomicInteger();
        List<MqttAsyncClient> clients = new ArrayList<>();
        // TLS contexts are the client's cost, not the broker's: built before the clock starts.
        List<MqttConnectionOptions> options = devices.stream().map(this::options).toList();
        long start = System.nanoTime();
        for (int i = 0; i < devices.size(); i++) {
            TestDevice device = devices.get(i);
            inFlight.acquire();
            MqttAsyncClient client = new MqttAsyncClient("ssl://127.0.0.1:" + endpoints.mqttPort(), device.name(),
                    new MemoryPersistence());
            clients.add(client);
            if (delivered != null) {
                client.setCallback(new Counter(delivered));
            }
            client.connect(options.get(i), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.release();
                    done.countDown();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    failures.incrementAndGet();
                    inFlight.release();
                    done.countDown();
                }
            });
        }
        done.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (delivered == null) {
            for (MqttAsyncClient client : clients) {
                client.close(true);
            }
        } else {
            for (MqttAsyncClient client : clients) {
                client.subscribe("bench/" + client.getClientId(), 0).waitForCompletion(10_000);
            }
            kept.addAll(clients);
            if (failures.get() > 0) {
                System.out.println("  (" + failures.get() + " reconnections failed)");
            }
        }
        return devices.size() / seconds;
    }

    /** Every client publishes to its own topic (QoS 0) until {@value #MESSAGES_PER_RUN} messages are sent. */
    private static double deliver(List<MqttAsyncClient> clients, AtomicLong delivered) throws Exception {
        int perClient = Math.max(1, MESSAGES_PER_RUN / clients.size());
        long expected = (long) perClient * clients.size();
        byte[] payload = "{\"device\":\"bench\",\"sent\":0}".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int round = 0; round < perClient; round++) {
            for (MqttAsyncClient client : clients) {
                publish(client, payload);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        long lastChange = System.nanoTime();
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (delivered.get() != last) {
                last = delivered.get();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(5)) {
                break;
            }
        }
        double seconds = (lastChange - start) / 1e9;
        if (delivered.get() < expected) {
            System.out.printf("  (%d of %d messages delivered)%n", delivered.get(), expected);
        }
        return delivered.get() / seconds;
    }

    private static void publish(MqttAsyncClient client, byte[] payload) throws MqttException {
        InflightRetry.run(() -> client.publish("bench/" + client.getClientId(), payload, 0, false));
    }

    private MqttConnectionOptions options(TestDevice device) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(device.sslContext(endpoints.rootCaPemPath()).getSocketFactory());
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(60);
        options.setKeepAliveInterval(600);
        return options;
    }

    /** @return heap used, resident memory and threads of the stand-in process */
    private String standInStats() throws IOException, InterruptedException {
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        long rssKb = field(status, "VmRSS:");
        long threads = field(status, "Threads:");
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String heapInfo = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(heapInfo);
        long heapMb = used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
        return String.format("%10d %10d %8d", heapMb, rssKb / 1024, threads);
    }

    private static long field(String status, String name) {
        return status.lines().filter(line -> line.startsWith(name))
                .map(line -> Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]))
                .findFirst().orElse(-1L);
    }

    /** Counts deliveries. */
    private static final class Counter extends MessageCallback {
        private final AtomicLong delivered;

        Counter(AtomicLong delivered) {
            this.delivered = delivered;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            delivered.incrementAndGet();
        }
    }
}
