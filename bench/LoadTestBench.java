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
import io.jitp.core.loadtest.MosquittoBroker;
import io.jitp.core.loadtest.MqttClientLibrary;
import io.jitp.core.loadtest.MqttProtocol;
import io.jitp.core.loadtest.RunData;
import io.jitp.core.loadtest.Shard;
import io.jitp.core.loadtest.Thresholds;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The load-test generator against the Debian mosquitto broker with a TLS listener that requires client certificates
 * from our CA (require_certificate, use_identity_as_username), started and stopped here ({@code mosquitto} mode), or
 * against the stand-in in its own JVM with quotas off ({@code standin} mode, JITP included). Each shape argument is
 * PUBLISHERSxSUBSCRIBERS@RATE:SECONDS[:collector][:qos0][:mqtt3][:tN][:netty|:hivemq] (e.g. 487x20@1:60:hivemq;
 * without a client flag, the default client); the seed's figures are printed next to ours.
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
        try (MosquittoBroker broker = MosquittoBroker.start(work, ca);
             CpuSampler sampler = new CpuSampler(broker.pid())) {
            System.out.println("mosquitto " + broker.pid() + " listening on 127.0.0.1:" + broker.port());
            for (String shape : shapes) {
                run(work, ca, broker.address(), shape, out, sampler);
            }
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
                run(work, ca, LoadTestSetup.broker(connection), shape, out, null);
            }
        } finally {
            process.stop();
        }
    }

    private static void run(Path work, CertificateAuthority ca, BrokerAddress address, String shape, Reporter out,
                            CpuSampler broker) throws Exception {
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
        LoadTestEngine engine = new LoadTestEngine(plan, address, work.resolve("devices"), output, out);
        flags.stream().filter(flag -> flag.matches("t\\d+")).findFirst()
                .ifPresent(flag -> engine.eventLoopThreads(Integer.parseInt(flag.substring(1))));
        for (MqttClientLibrary client : MqttClientLibrary.values()) {
            if (flags.contains(client.label())) {
                engine.client(client);
            }
        }
        long[] gcBefore = gcCountAndMillis();
        RunData data = engine.run();
        long[] gcAfter = gcCountAndMillis();
        LoadTestOutcome outcome = LoadTestReports.write(output, data, new Thresholds(0.95, 0, 0.001));
        outcome.summary().describe().forEach(System.out::println);
        GeneratorFigures g = outcome.summary().generators().get(0);
        System.out.printf(Locale.ROOT, "generator: %d devices, connect %.1f s, %.2f CPU-us/msg (%.0f %% in the kernel),"
                        + " RSS %.0f MB (%.0f KB/device), heap %.0f MB, %d threads%n", g.devices(), g.connectSeconds(),
                g.cpuMicrosPerMessage(), 100 * g.systemCpuSeconds() / g.cpuSeconds(), g.rssBytes() / 1048576.0,
                g.rssBytesPerDevice() / 1024.0,
                g.heapUsedBytes() / 1048576.0, g.threads());
        double kernelShare = g.systemCpuSeconds() / g.cpuSeconds();
        System.out.printf(Locale.ROOT, "generator CPU-us/msg: user %.2f, kernel %.2f (on loopback the kernel part"
                        + " includes the receiving end's TCP work for what the generator sends)%n",
                g.cpuMicrosPerMessage() * (1 - kernelShare), g.cpuMicrosPerMessage() * kernelShare);
        System.out.printf(Locale.ROOT, "GC over the whole run (connect, window, drain): %d collections, %d ms"
                + " (pause and concurrent time as the collectors count it)%n", gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1]);
        if (broker != null) {
            System.out.println(broker.describe(data.steadyStartSecond(), data.steadyEndSecond(), g.messages()));
        }
        System.out.printf(Locale.ROOT, "vs seed (487x20): CPU/msg %.1fx fewer, memory/device %.1fx less,"
                        + " connect %.1fx faster (seed 56 us, 28 MB, 81 s for 507 devices)%n",
                SEED_CPU_MICROS_PER_MESSAGE / g.cpuMicrosPerMessage(), SEED_BYTES_PER_DEVICE / g.rssBytesPerDevice(),
                SEED_CONNECT_SECONDS / g.connectSeconds());
        System.out.println("verdict: " + (outcome.passed() ? "PASSED" : "FAILED " + outcome.failures()));
        System.out.println("report: " + outcome.html());
    }

    /** @return collections and collection milliseconds of every garbage collector of this JVM so far */
    private static long[] gcCountAndMillis() {
        long[] total = new long[2];
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total[0] += Math.max(0, gc.getCollectionCount());
            total[1] += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /**
     * Samples the broker's CPU time (user and kernel, /proc/PID/stat) and the machine's softirq time (/proc/stat)
     * every second, so that the generator's figures can be read next to what the broker and the kernel's network
     * processing cost over the same measured window.
     */
    private static final class CpuSampler implements AutoCloseable {
        private final long pid;
        private final Map<Long, long[]> bySecond = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "bench-cpu-sampler");
                    thread.setDaemon(true);
                    return thread;
                });

        CpuSampler(long pid) {
            this.pid = pid;
            timer.scheduleAtFixedRate(this::sample, 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void sample() {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // utime and stime of the broker; softirq (field 7 of the "cpu" line) of the machine; in ticks.
                bySecond.putIfAbsent(System.currentTimeMillis() / 1000, new long[] {Long.parseLong(fields[11]),
                        Long.parseLong(fields[12]), Long.parseLong(cpu[7])});
            } catch (IOException | RuntimeException e) {
                // The broker is gone (end of the run): nothing more to sample.
            }
        }

        String describe(long fromSecond, long toSecond, long messages) {
            long[] from = bySecond.get(fromSecond);
            long[] to = bySecond.get(toSecond);
            if (from == null || to == null || messages == 0) {
                return "broker: no CPU samples for the measured window";
            }
            double microsPerTick = 10_000.0;
            return String.format(Locale.ROOT, "broker (mosquitto, same window): user %.2f, kernel %.2f CPU-us/msg;"
                            + " machine softirq %.2f us/msg (network receive processing, charged to whichever"
                            + " process was running)", (to[0] - from[0]) * microsPerTick / messages,
                    (to[1] - from[1]) * microsPerTick / messages, (to[2] - from[2]) * microsPerTick / messages);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
