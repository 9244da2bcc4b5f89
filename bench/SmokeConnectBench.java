import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttVersion;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.core.smoke.SmokeConnect;
import io.jitp.core.smoke.SmokeDevice;
import io.jitp.core.smoke.SmokeOptions;
import io.jitp.core.smoke.SmokeReport;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import software.amazon.awssdk.services.iot.IotClient;

/**
 * smoke-connect of fresh JITP devices against a stand-in in its own JVM, side by side with the seed's way (two
 * mosquitto_pub runs per device, one device after another), plus the stand-in's ceiling of full mutual-TLS
 * handshakes per second. Prints figures; asserts nothing.
 * Usage: java -cp ... SmokeConnectBench.java DEVICES SEED_DEVICES PARALLELISM WORKDIR
 */
public final class SmokeConnectBench {
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:iot:*:*:client/${iot:Certificate.Subject.CommonName}"},
             {"Effect":"Allow","Action":["iot:Subscribe","iot:Receive"],"Resource":"*"},
             {"Effect":"Allow","Action":"iot:Publish","Resource":"arn:aws:iot:*:*:topic/${iot:Certificate.Subject.CommonName}"}]}""";
    private static final String TEMPLATE = """
            {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"},
                            "AWS::IoT::Certificate::Id": {"Type": "String"}},
             "Resources": {
               "thing": {"Type": "AWS::IoT::Thing", "Properties": {
                 "ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"}, "AttributePayload": {}}},
               "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {
                 "CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}},
               "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyName": "IoTAccess"}}}}""";

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        int seedDevices = Integer.parseInt(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        Path state = Files.createDirectories(work.resolve("standin"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The JVM options the plugin gives the stand-in, then the bench's own.
        command.addAll(io.jitp.core.emulator.EmulatorProcess.DEFAULT_JVM_OPTIONS);
        String standInOptions = System.getenv().getOrDefault("BENCH_STANDIN_JAVA_OPTS", "").trim();
        if (!standInOptions.isEmpty()) {
            command.addAll(List.of(standInOptions.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jitp.emulator.Emulator", "--state-dir",
                state.toString(), "--quotas", "aws"));
        Process standIn = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("standin.log").toFile()).start();
        try {
            StandInEndpoints endpoints = awaitEndpoints(state, standIn);
            AwsConnection connection = AwsConnections.local(endpoints);
            try (AwsClients clients = new AwsClients(connection)) {
                run(clients.iot(), connection, endpoints, devices, seedDevices, parallelism, work,
                        new CpuMeter(standIn.toHandle()));
            }
        } finally {
            standIn.destroy();
            standIn.waitFor();
        }
        // Paho 1.2.5 can leave a connect thread waiting forever for comms threads of a connection that closed at
        // once (the JITP drop); they are not daemons, so the JVM would not end by itself.
        System.exit(0);
    }

    private static void run(IotClient iot, AwsConnection connection, StandInEndpoints endpoints, int devices,
                            int seedDevices, int parallelism, Path work, CpuMeter cpu) throws Exception {
        iot.createPolicy(r -> r.policyName("IoTAccess").policyDocument(POLICY));
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("bench-root"),
                KeyAlgorithm.EC_P256, 30);
        String code = iot.getRegistrationCode().registrationCode();
        X509Certificate verification = ca.issueDeviceCertificate(KeyAlgorithm.EC_P256.generate().getPublic(),
                SubjectProfile.ofCommonName(code), 30);
        iot.registerCACertificate(r -> r.caCertificate(ca.certificatePem())
                .verificationCertificate(Pem.encode(verification)).setAsActive(true).allowAutoRegistration(true)
                .registrationConfig(c -> c.templateBody(TEMPLATE)
                        .roleArn("arn:aws:iam::" + endpoints.accountId() + ":role/IoTProvisioning")));
        Path ours = work.resolve("ours");
        Path oursSmall = work.resolve("ours-small");
        Path seed = work.resolve("seed");
        issue(ca, ours, "ours-", devices);
        issue(ca, oursSmall, "small-", seedDevices);
        List<DeviceRecord> seedRecords = issue(ca, seed, "seed-", seedDevices);
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());

        CpuMeter.Reading seedCpu = cpu.reading();
        double seedRate = seedWay(endpoints, seed, seedRecords);
        System.out.printf(Locale.ROOT, "seed's way (2 x mosquitto_pub per device, sequential): %.1f devices/s (%d devices),"
                + " stand-in %s%n", seedRate, seedDevices, cpu.since(seedCpu, seedDevices, "device").standIn());

        MqttEndpoint endpoint = new MqttEndpoint(connection.mqttHost(), connection.mqttPort(), false,
                connection.mqttTrustAnchors(), MqttVersion.V5, Duration.ofSeconds(30));
        SmokeOptions options = new SmokeOptions(endpoint, SmokeOptions.DEFAULT_TOPIC, null, parallelism,
                JitpConnector.DEFAULT, true);
        // The same device count as the seed's way, right after it, is the like-for-like comparison.
        SmokeReport small = smoke(options, iot, oursSmall, "fresh, same count as the seed's way", cpu).report();
        Run fresh = smoke(options, iot, ours, "fresh", cpu);
        SmokeReport report = fresh.report();
        Run recheck = smoke(options, iot, ours, "re-check of the provisioned devices: no JITP drop, one handshake each",
                cpu);
        // What the control-plane checks alone cost: the same re-check without them, right after.
        SmokeOptions mqttOnly = new SmokeOptions(endpoint, SmokeOptions.DEFAULT_TOPIC, null, parallelism,
                JitpConnector.DEFAULT, false);
        Run bare = smoke(mqttOnly, iot, ours, "re-check without the control-plane checks", cpu);
        System.out.printf(Locale.ROOT, "control-plane checks (re-check with them minus without): CPU-ms per device:"
                + " stand-in %.2f + clients %.2f = %.2f%n", recheck.cpu().standInMillis() - bare.cpu().standInMillis(),
                recheck.cpu().clientMillis() - bare.cpu().clientMillis(), recheck.cpu().totalMillis()
                        - bare.cpu().totalMillis());

        DeviceRecord sample = seedRecords.get(0);
        CpuMeter.Reading ceilingCpu = cpu.reading();
        long[] handshakes = new long[1];
        double ceiling = handshakesPerSecond(endpoints, connection, seed.resolve(sample.certificateFile()),
                seed.resolve(sample.keyFile()), 32, Duration.ofSeconds(15), handshakes);
        CpuMeter.Usage perHandshake = cpu.since(ceilingCpu, handshakes[0], "handshake");
        System.out.printf(Locale.ROOT, "stand-in ceiling: %.1f full mutual-TLS handshakes/s = %.1f devices/s at 2"
                + " handshakes per device; %s%n", ceiling, ceiling / 2, perHandshake);
        double seedRatio = report.devicesPerSecond() / seedRate;
        double ceilingShare = report.devicesPerSecond() / (ceiling / 2);
        // The seed's way is sequential, so its rate does not depend on the count; the same count, run first in a
        // cold JVM, shows what a short run costs.
        System.out.printf(Locale.ROOT, "ratio smoke-connect of %d fresh devices / seed's way: %.1fx (target >= 5x: %s);"
                + " same count (%d, cold JVM): %.1fx%n", devices, seedRatio, seedRatio >= 5 ? "met" : "missed",
                seedDevices, small.devicesPerSecond() / seedRate);
        System.out.printf(Locale.ROOT, "smoke-connect of %d fresh devices / ceiling: %.0f %% (target >= 80 %%: %s)%n",
                devices, 100 * ceilingShare, ceilingShare >= 0.8 ? "met" : "missed");
        // The rates depend on what else runs; CPU time per unit hardly does: the same target in CPU terms.
        double cpuShare = 2 * perHandshake.totalMillis() / fresh.cpu().totalMillis();
        System.out.printf(Locale.ROOT, "CPU of 2 ceiling handshakes / CPU per fresh device (both JVMs): %.0f %% (target"
                + " >= 80 %%: %s)%n", 100 * cpuShare, cpuShare >= 0.8 ? "met" : "missed");
    }

    private record Run(SmokeReport report, CpuMeter.Usage cpu) {
    }

    private static Run smoke(SmokeOptions options, IotClient iot, Path folder, String label, CpuMeter cpu)
            throws Exception {
        System.out.printf(Locale.ROOT, "[%d] start: smoke-connect, %s%n", System.currentTimeMillis(), label);
        CpuMeter.Reading before = cpu.reading();
        SmokeReport report = new SmokeConnect(options, iot, Reporter.silent())
                .run(SmokeDevice.fromManifest(folder, Set.of()));
        CpuMeter.Usage usage = cpu.since(before, report.outcomes().size(), "device");
        System.out.printf(Locale.ROOT, "smoke-connect, %s (parallelism %d, control-plane checks %s): %.1f devices/s"
                + " (%d devices, %d failed); %s%n", label, options.parallelism(),
                options.checkControlPlane() ? "on" : "off", report.devicesPerSecond(),
                report.outcomes().size(), report.failures().size(), usage);
        report.failures().stream().limit(3).forEach(f -> System.out.println("  failed: " + f.id() + " " + f.failure()));
        return new Run(report, usage);
    }

    private static List<DeviceRecord> issue(CertificateAuthority ca, Path folder, String prefix, int count)
            throws Exception {
        return new DeviceBatch(ca, BatchOptions.onAllCores(folder, KeyAlgorithm.EC_P256, 30, false), Reporter.silent())
                .run(DeviceSources.numbered(prefix, count, SubjectProfile.empty())).manifest().devices();
    }

    /** The seed's bin/provision: publish twice with mosquitto_pub (the first connection provisions and is dropped). */
    private static double seedWay(StandInEndpoints endpoints, Path folder, List<DeviceRecord> records)
            throws Exception {
        long start = System.nanoTime();
        for (DeviceRecord record : records) {
            for (int i = 0; i < 2; i++) {
                Process pub = new ProcessBuilder("mosquitto_pub", "--cafile", endpoints.rootCaPemPath().toString(),
                        "--cert", folder.resolve(record.certificateFile()).toString(), "--key",
                        folder.resolve(record.keyFile()).toString(), "-h", endpoints.mqttHost(), "-p",
                        Integer.toString(endpoints.mqttPort()), "--tls-version", "tlsv1.2", "-i", record.id(),
                        "-t", "/register", "-n").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                pub.waitFor();
            }
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Full handshakes (sessions invalidated, so none is resumed) from {@code threads} threads for {@code time}. */
    private static double handshakesPerSecond(StandInEndpoints endpoints, AwsConnection connection, Path certificate,
                                              Path key, int threads, Duration time, long[] count)
            throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", Pem.readPrivateKey(key, null), new char[0],
                Pem.readCertificates(certificate).toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", connection.mqttTrustAnchors().get(0));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                        SSLParameters parameters = socket.getSSLParameters();
                        parameters.setServerNames(List.of(new SNIHostName(endpoints.mqttHost())));
                        socket.setSSLParameters(parameters);
                        socket.connect(new InetSocketAddress(endpoints.mqttHost(), endpoints.mqttPort()), 10_000);
                        socket.startHandshake();
                        socket.getSession().invalidate();
                        done.incrementAndGet();
                    } catch (Exception e) {
                        // counted as not done
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        count[0] = done.get();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * CPU time of the stand-in's process and of this one (which runs the clients): unlike rates, CPU per device
     * and per handshake hardly depend on what else shares the machine.
     */
    private static final class CpuMeter {
        private final ProcessHandle standIn;

        CpuMeter(ProcessHandle standIn) {
            this.standIn = standIn;
        }

        /** JVM housekeeping threads by their Linux names: the JIT compilers, and the garbage collector. */
        private static final String[] JIT_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};
        private static final String[] GC_THREADS = {"GC Thread#", "G1 ", "VM Thread"};
        /** /proc counts thread CPU in clock ticks of 1/100 s (USER_HZ) on Linux. */
        private static final long NANOS_PER_TICK = 10_000_000L;

        record Reading(long standInNanos, long clientNanos, long[] standInJvm, long[] clientJvm) {
        }

        record Usage(double standInMillis, double clientMillis, String unit, double[] jitMillis, double[] gcMillis) {
            double totalMillis() {
                return standInMillis + clientMillis;
            }

            String standIn() {
                return String.format(Locale.ROOT, "%.2f CPU-ms per %s", standInMillis, unit);
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "CPU-ms per %s: stand-in %.2f + clients %.2f = %.2f (of which JIT"
                        + " compilation %.2f + %.2f, garbage collection %.2f + %.2f)", unit, standInMillis,
                        clientMillis, totalMillis(), jitMillis[0], jitMillis[1], gcMillis[0], gcMillis[1]);
            }
        }

        Reading reading() {
            long standInNanos = standIn.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            long clientNanos = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            return new Reading(standInNanos, clientNanos, jvmThreadsNanos(standIn.pid()),
                    jvmThreadsNanos(ProcessHandle.current().pid()));
        }

        Usage since(Reading before, long units, String unit) {
            Reading now = reading();
            double per = Math.max(units, 1) * 1e6;
            return new Usage((now.standInNanos - before.standInNanos) / per, (now.clientNanos - before.clientNanos) / per,
                    unit, new double[] {(now.standInJvm[0] - before.standInJvm[0]) / per,
                            (now.clientJvm[0] - before.clientJvm[0]) / per},
                    new double[] {(now.standInJvm[1] - before.standInJvm[1]) / per,
                            (now.clientJvm[1] - before.clientJvm[1]) / per});
        }

        /**
         * @return CPU time so far of the process's JIT compiler threads and of its GC threads, from /proc (zeros where
         *         there is none); a compiler thread the JVM retires in between takes its time with it
         */
        private static long[] jvmThreadsNanos(long pid) {
            long[] nanos = new long[2];
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        int kind = startsWithAny(name, JIT_THREADS) ? 0 : startsWithAny(name, GC_THREADS) ? 1 : -1;
                        if (kind >= 0) {
                            String stat = Files.readString(task.resolve("stat"));
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // utime and stime: fields 14 and 15 of stat, 12 and 13 after the name.
                            nanos[kind] += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
                        }
                    } catch (java.io.IOException | RuntimeException e) {
                        // The thread ended meanwhile.
                    }
                }
            } catch (java.io.IOException e) {
                // No /proc here: the split is not printed meaningfully (zeros).
            }
            return nanos;
        }

        private static boolean startsWithAny(String name, String[] prefixes) {
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static StandInEndpoints awaitEndpoints(Path state, Process standIn) throws Exception {
        for (int i = 0; i < 1200; i++) {
            Optional<StandInEndpoints> endpoints = StandInEndpoints.read(state);
            if (endpoints.isPresent()) {
                return endpoints.get();
            }
            if (!standIn.isAlive()) {
                throw new IllegalStateException("The stand-in exited: see its log in " + state.getParent());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The stand-in did not start within 120 s");
    }
}
