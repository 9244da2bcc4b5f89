package io.jitp.core.devices;

import io.jitp.core.Reporter;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.KeyPairs;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's crash fault, for real: a batch of 1,000 devices in a child JVM is killed with SIGKILL once some hundreds
 * of devices exist; the rerun must complete the batch with every invariant a factory relies on.
 */
class BatchCrashResumeTest {
    private static final int DEVICES = 1000;
    private static final int KILL_AFTER = 250;

    @TempDir
    Path dir;

    @Test
    void rerunAfterKillNineCompletesTheBatchWithoutLossOrMismatch() throws Exception {
        Path caFolder = dir.resolve("ca");
        Path devices = dir.resolve("devices");
        CaStore store = new CaStore(caFolder, "root");
        store.save(CertificateAuthority.create(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 100),
                null, Reporter.silent());
        byte[] caCertificate = Files.readAllBytes(store.certificateFile());
        byte[] caKey = Files.readAllBytes(store.keyFile());

        int atKill = killChildMidBatch(caFolder, devices);
        System.out.printf("BatchCrashResumeTest: child killed with %d of %d certificates on disk%n", atKill, DEVICES);

        long rerunStart = System.nanoTime();
        BatchResult rerun = BatchChild.run(caFolder, "root", devices, DEVICES);
        System.out.printf("BatchCrashResumeTest: rerun kept %d, issued %d in %d ms%n", rerun.kept().size(),
                rerun.issued().size(), (System.nanoTime() - rerunStart) / 1_000_000);

        assertEquals(DEVICES, rerun.issued().size() + rerun.kept().size());
        assertTrue(rerun.kept().size() >= atKill, "devices finished before the kill are kept, not reissued");
        assertEveryDeviceIsWhole(devices, store.load(null));
        assertArrayEquals(caCertificate, Files.readAllBytes(store.certificateFile()), "CA certificate untouched");
        assertArrayEquals(caKey, Files.readAllBytes(store.keyFile()), "CA key untouched");
    }

    /** Starts the batch in a child JVM, SIGKILLs it once enough certificates exist, returns how many did. */
    private static int killChildMidBatch(Path caFolder, Path devices) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BatchChild.class.getName(),
                caFolder.toString(), "root", devices.toString(), String.valueOf(DEVICES))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (child.isAlive() && count(devices, ".crt") < KILL_AFTER) {
                Thread.sleep(5);
            }
            assertTrue(child.isAlive(), "the child must still be issuing when it is killed; exit code "
                    + (child.isAlive() ? "" : child.exitValue()));
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child killed");
        } finally {
            child.destroyForcibly();
        }
        int certificates = count(devices, ".crt");
        assertTrue(certificates < DEVICES, "killed before the end: " + certificates);
        return certificates;
    }

    private static void assertEveryDeviceIsWhole(Path devices, CertificateAuthority ca) throws Exception {
        // Both cores: a signature per key check makes this the slowest part of the test.
        List<String> serials = IntStream.range(0, DEVICES).parallel()
                .mapToObj(i -> wholeDeviceSerial(devices, "dev-" + i, ca)).toList();
        assertEquals(DEVICES, new HashSet<>(serials).size(), "unique serials");
        Manifest manifest = Manifest.readOrEmpty(devices);
        assertEquals(CertificateIds.of(ca.certificate()), manifest.caCertificateId());
        Set<String> listedFiles = new HashSet<>();
        for (DeviceRecord device : manifest.devices()) {
            X509Certificate certificate = Pem.readCertificate(devices.resolve(device.certificateFile()));
            assertEquals(device.certificateId(), CertificateIds.of(certificate), device.id());
            assertEquals(device.serial(), certificate.getSerialNumber().toString(16), device.id());
            listedFiles.add(device.certificateFile());
            listedFiles.add(device.keyFile());
        }
        assertEquals(DEVICES, manifest.devices().size());
        assertEquals(listedFiles, files(devices).stream().filter(f -> !f.startsWith("manifest."))
                .collect(Collectors.toSet()), "the manifest lists exactly the device files, nothing left over");
        assertEquals(DEVICES + 1, Files.readAllLines(devices.resolve(Manifest.CSV)).size(), "CSV: header + rows");
    }

    /** @return the serial of a device whose chain, key and CA all check out */
    private static String wholeDeviceSerial(Path devices, String id, CertificateAuthority ca) {
        Path certificateFile = devices.resolve(id + ".crt");
        Path keyFile = devices.resolve(id + ".key");
        try {
            List<X509Certificate> chain = Pem.readCertificates(certificateFile);
            X509Certificate certificate = chain.get(0);
            certificate.verify(ca.certificate().getPublicKey());
            assertEquals(ca.certificate(), chain.get(1), certificateFile + " ends with the CA");
            assertTrue(KeyPairs.matches(certificate.getPublicKey(), Pem.readPrivateKey(keyFile, null)),
                    keyFile + " matches " + certificateFile);
            return certificate.getSerialNumber().toString(16);
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError(id + " is not whole: " + e, e);
        }
    }

    private static int count(Path folder, String suffix) throws IOException {
        return (int) files(folder).stream().filter(f -> f.endsWith(suffix)).count();
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
