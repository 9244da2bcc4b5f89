import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.jitp.ProvisioningTemplate;
import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.DeviceTls;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttVersion;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.iot.CaCertificate;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RegistrationConfig;
import io.jitp.emulator.jitp.ProvisioningTemplateRunner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a fresh smoke-connect device that are neither TLS nor MQTT, each on one thread, in CPU-µs per device:
 * the client reading the device's key and certificate and building its TLS context, and the stand-in's JITP
 * registration with the plugin's default template (certificate registered, template run, journal lines), and apart
 * from it the stand-in's check of the CA's signature on each fresh certificate. Run it once with this build and
 * once with another put first on the classpath (BENCH_CLASSPATH_PREFIX) to compare. Prints figures; asserts nothing.
 * Usage: java -cp ... SmokeConnectPartsBench.java DEVICES ROUNDS WORKDIR
 */
public final class SmokeConnectPartsBench {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("parts-root"),
                KeyAlgorithm.EC_P256, 30);
        Path folder = work.resolve("devices");
        List<DeviceRecord> records = new DeviceBatch(ca, BatchOptions.onAllCores(folder, KeyAlgorithm.EC_P256, 30,
                false), Reporter.silent()).run(DeviceSources.numbered("part-", devices, SubjectProfile.empty()))
                .manifest().devices();
        MqttEndpoint endpoint = new MqttEndpoint("localhost", 8883, false, List.of(ca.certificate()), MqttVersion.V5,
                Duration.ofSeconds(30));
        System.out.printf(Locale.ROOT, "load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        for (int round = 1; round <= rounds; round++) {
            long clientNanos = clientSide(folder, records, endpoint);
            long[] caCheckNanos = new long[1];
            long standInNanos = standInSide(work.resolve("state-" + round), ca, folder, records, caCheckNanos);
            System.out.printf(Locale.ROOT, "round %d: client (key + certificate read, TLS context) %.1f CPU-µs per"
                    + " device; stand-in JITP registration (no CA signature check) %.1f CPU-µs per device; stand-in"
                    + " CA signature check of a fresh certificate %.1f CPU-µs per device%n", round,
                    clientNanos / 1e3 / devices, standInNanos / 1e3 / devices, caCheckNanos[0] / 1e3 / devices);
        }
    }

    private static long clientSide(Path folder, List<DeviceRecord> records, MqttEndpoint endpoint) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        int sink = 0;
        for (DeviceRecord record : records) {
            DeviceIdentity identity = DeviceIdentity.fromFiles(folder.resolve(record.certificateFile()),
                    folder.resolve(record.keyFile()));
            sink += new DeviceTls(identity, endpoint).serverUri().length();
        }
        long used = THREADS.getCurrentThreadCpuTime() - start;
        return sink > 0 ? used : -1;
    }

    private static long standInSide(Path state, CertificateAuthority ca, Path folder, List<DeviceRecord> records,
                                    long[] caCheckNanos) throws Exception {
        Files.createDirectories(state);
        IotRegistry registry = IotRegistry.open(state, "us-east-1", "123456789012");
        registry.createPolicy("IoTAccess", POLICY);
        X509Certificate verification = ca.issueDeviceCertificate(KeyAlgorithm.EC_P256.generate().getPublic(),
                SubjectProfile.ofCommonName(registry.registrationCode()), 30);
        registry.registerCaCertificate(ca.certificatePem(), Pem.encode(verification), null, true, true,
                new RegistrationConfig(ProvisioningTemplate.defaultTemplate().body(), "arn:aws:iam::123456789012:role/IoTProvisioning", null), null);
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        for (DeviceRecord record : records) {
            certificates.add(Pem.readCertificate(folder.resolve(record.certificateFile())));
        }
        ProvisioningTemplateRunner runner = new ProvisioningTemplateRunner();
        // The CA signature check (once per fresh certificate) is timed on its own: it would hide the rest.
        long checkStart = THREADS.getCurrentThreadCpuTime();
        List<CaCertificate> issuers = new java.util.ArrayList<>();
        for (X509Certificate device : certificates) {
            issuers.add(registry.findIssuingCa(device).orElseThrow());
        }
        caCheckNanos[0] = THREADS.getCurrentThreadCpuTime() - checkStart;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate device = certificates.get(i);
            CaCertificate issuer = issuers.get(i);
            Certificate registered = registry.registerJitpCertificate(device, issuer);
            String body = issuer.registrationConfig().templateBody();
            if (!runner.run(body, device, registered.id(), registry).success()) {
                throw new IllegalStateException("JITP failed for " + registered.id());
            }
        }
        long used = THREADS.getCurrentThreadCpuTime() - start;
        registry.checkpoint();
        return used;
    }
}
