import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.loadtest.LoadTestSetup;
import io.jitp.core.stacks.StackDeployer;
import io.jitp.core.stacks.StackTemplate;
import io.jitp.core.loadtest.BrokerAddress;
import io.jitp.core.loadtest.GeneratorFigures;
import io.jitp.core.loadtest.LoadTestDevices;
import io.jitp.core.loadtest.LoadTestEngine;
import io.jitp.core.loadtest.LoadTestOutcome;
import io.jitp.core.loadtest.LoadTestPlan;
import io.jitp.core.loadtest.LoadTestReports;
import io.jitp.core.loadtest.MqttProtocol;
import io.jitp.core.loadtest.RunData;
import io.jitp.core.loadtest.Shard;
import io.jitp.core.loadtest.Thresholds;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The load-test generator against the Debian mosquitto broker with a TLS listener that requires client certificates
 * from our CA (require_certificate, use_identity_as_username), started and stopped here ({@code mosquitto} mode), or
 * against the stand-in in its own JVM with quotas off ({@code standin} mode, JITP included). Each shape argument is
 * PUBLISHERSxSUBSCRIBERS@RATE:SECONDS[:collector][:qos0][:mqtt3] (e.g. 487x20@1:60); the seed's figures are
 * printed next to ours.
 * Usage: java -cp ... [-Dstandin.classpath=...] LoadTestBench.java mosquitto|standin WORKDIR SHAPE...
 */
public final class LoadTestBench {
    /** The seed's Node load test against the same mosquitto setup, 487 x 20 (issue 6). */
    private static final double SEED_CPU_MICROS_PER_MESSAGE = 56;
    private static final double SEED_BYTES_PER_DEVICE = 28.0 * 1024 * 1024;
    private static final double SEED_CONNECT_SECONDS = 81;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path work = Files.createDirectories(Path.of(args[1]).toAbsolutePath().resolve(mode));
        Reporter out = new Reporter() {
            @Override
            public void info(String message) {
                System.out.println(message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }
        };
        CertificateAuthority ca = new CaStore(work, "bench").createOrReuse(SubjectProfile.ofCommonName("bench-root"),
                KeyAlgorithm.EC_P256, 365, null, false, Reporter.silent()).ca();
        List<String> shapes = List.of(args).subList(2, args.length);
        if (mode.equals("standin")) {
            againstStandIn(work, ca, shapes, out);
            return;
        }
        int port = freePort();
        Process broker = startMosquitto(work, ca, port);
        try {
            BrokerAddress address = new BrokerAddress("localhost", port, List.of(ca.certificate()), "mosquitto "
                    + port);
            for (String shape : shapes) {
                run(work, ca, address, shape, out);
            }
        } finally {
            broker.destroy();
            broker.waitFor();
        }
    }

    /** The stand-in in its own JVM with quotas off, the policy stack deployed and the CA registered for JITP. */
    private static void againstStandIn(Path work, CertificateAuthority ca, List<String> shapes, Reporter out)
            throws Exception {
        List<Path> classpath = new java.util.ArrayList<>();
        for (String entry : System.getProperty("standin.classpath").split(java.io.File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        EmulatorProcess process = new EmulatorProcess(work.resolve("state"), Duration.ofMinutes(2), out);
        EmulatorProcess.Running running = process.startOrReuse(() -> classpath, true, List.of("--quotas", "off"));
        AwsConnection connection = AwsConnections.local(running.endpoints());
        try (AwsClients clients = new AwsClients(connection)) {
            new StackDeployer(clients.cloudFormation(), Reporter.silent(), Duration.ofMillis(100)).deploy("loadtest",
                    StackTemplate.bundled(StackTemplate.LOADTEST_POLICY), Map.of(), List.of());
            LoadTestSetup.prepare(clients.iot(), ca, "arn:aws:iam::" + connection.accountId()
                    + ":role/IoTProvisioning", SubjectProfile.empty(), Reporter.silent());
            for (String shape : shapes) {
                run(work, ca, LoadTestSetup.broker(connection), shape, out);
            }
        } finally {
            process.stop();
        }
    }

    private static void run(Path work, CertificateAuthority ca, BrokerAddress address, String shape, Reporter out)
            throws Exception {
        String[] parts = shape.split("[x@:]");
        List<String> flags = List.of(parts).subList(4, parts.length);
        LoadTestPlan plan = new LoadTestPlan(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Double.parseDouble(parts[2]), 100, flags.contains("qos0") ? 0 : 1, Integer.parseInt(parts[3]), 0,
                flags.contains("mqtt3") ? MqttProtocol.V3_1_1 : MqttProtocol.V5, Shard.WHOLE,
                flags.contains("collector"));
        System.out.println("=== shape " + shape + " ===");
        plan.describe().forEach(System.out::println);
        LoadTestDevices.ensure(ca, work.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
        Path output = work.resolve("report-" + shape.replace(':', '_'));
        RunData data = new LoadTestEngine(plan, address, work.resolve("devices"), output, out).run();
        LoadTestOutcome outcome = LoadTestReports.write(output, data, new Thresholds(0.95, 0, 0.001));
        outcome.summary().describe().forEach(System.out::println);
        GeneratorFigures g = outcome.summary().generators().get(0);
        System.out.printf(Locale.ROOT, "generator: %d devices, connect %.1f s, %.2f CPU-us/msg (%.0f %% in the kernel),"
                        + " RSS %.0f MB (%.0f KB/device), heap %.0f MB, %d threads%n", g.devices(), g.connectSeconds(),
                g.cpuMicrosPerMessage(), 100 * g.systemCpuSeconds() / g.cpuSeconds(), g.rssBytes() / 1048576.0,
                g.rssBytesPerDevice() / 1024.0,
                g.heapUsedBytes() / 1048576.0, g.threads());
        System.out.printf(Locale.ROOT, "vs seed (487x20): CPU/msg %.1fx fewer, memory/device %.1fx less,"
                        + " connect %.1fx faster (seed 56 us, 28 MB, 81 s for 507 devices)%n",
                SEED_CPU_MICROS_PER_MESSAGE / g.cpuMicrosPerMessage(), SEED_BYTES_PER_DEVICE / g.rssBytesPerDevice(),
                SEED_CONNECT_SECONDS / g.connectSeconds());
        System.out.println("verdict: " + (outcome.passed() ? "PASSED" : "FAILED " + outcome.failures()));
        System.out.println("report: " + outcome.html());
    }

    private static Process startMosquitto(Path work, CertificateAuthority ca, int port) throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        Path serverCert = work.resolve("server.crt");
        Path serverKey = work.resolve("server.key");
        SecureFiles.writePublic(serverCert, Pem.encode(ca.issueServerCertificate(keys.getPublic(), "localhost",
                List.of("localhost"), List.of("127.0.0.1"), 30)));
        SecureFiles.writeSecret(serverKey, Pem.encode(keys.getPrivate()));
        Path caFile = work.resolve("ca.crt");
        SecureFiles.writePublic(caFile, ca.certificatePem());
        Path config = work.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
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
                "use_identity_as_username true",
                ""));
        Process process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("mosquitto.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                System.out.println("mosquitto " + process.pid() + " listening on 127.0.0.1:" + port);
                return process;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited: " + Files.readString(
                            work.resolve("mosquitto.log")));
                }
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
