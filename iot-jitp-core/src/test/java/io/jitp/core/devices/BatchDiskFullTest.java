package io.jitp.core.devices;

import io.jitp.core.Reporter;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.KeyPairs;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SmallDisk;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A device batch whose disk fills up: a clear error, no torn or unpaired file, and a rerun that completes it. */
class BatchDiskFullTest {
    private static final CertificateAuthority CA =
            CertificateAuthority.create(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 100);

    @TempDir
    Path dir;

    @Test
    void fullDiskFailsNamingTheFileAndTheRerunCompletesTheBatch() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 256)) {
            Path devices = disk.root().resolve("devices");
            batch(devices).run(DeviceSources.numbered("dev-", 3, SubjectProfile.empty()));
            String manifestBefore = Files.readString(devices.resolve(Manifest.JSON));
            Path filler = disk.fill();

            Exception e = assertThrows(Exception.class,
                    () -> batch(devices).run(DeviceSources.numbered("dev-", 20, SubjectProfile.empty())));

            System.out.println("BatchDiskFullTest: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            assertTrue(e.getSuppressed().length == 1 && e.getSuppressed()[0].getMessage().contains("no space left"),
                    "the device failure is kept for -X");
            assertTrue(e.getMessage().contains("no space left") && e.getMessage().contains(devices.toString()),
                    e.getMessage());
            assertEquals(manifestBefore, Files.readString(devices.resolve(Manifest.JSON)), "manifest intact");
            assertEveryCertificateHasItsKeyAndNoTemporaryFile(devices);

            Files.delete(filler);
            BatchResult rerun = batch(devices).run(DeviceSources.numbered("dev-", 20, SubjectProfile.empty()));

            assertEquals(20, rerun.manifest().devices().size());
            assertEveryCertificateHasItsKeyAndNoTemporaryFile(devices);
        }
    }

    private static DeviceBatch batch(Path devices) {
        return new DeviceBatch(CA, new BatchOptions(devices, KeyAlgorithm.EC_P256, 30, 2, false), Reporter.silent());
    }

    private static void assertEveryCertificateHasItsKeyAndNoTemporaryFile(Path devices) throws Exception {
        try (Stream<Path> files = Files.list(devices)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertTrue(!name.startsWith("."), "temporary file left: " + name);
                if (name.endsWith(".crt")) {
                    X509Certificate certificate = Pem.readCertificate(file);
                    Path key = devices.resolve(name.replace(".crt", ".key"));
                    assertTrue(KeyPairs.matches(certificate.getPublicKey(), Pem.readPrivateKey(key, null)), name);
                }
            }
        }
        List<String> listed = Manifest.readOrEmpty(devices).devices().stream().map(DeviceRecord::certificateFile)
                .toList();
        for (String file : listed) {
            assertTrue(Files.isRegularFile(devices.resolve(file)), "manifest lists " + file + " which exists");
        }
    }
}
