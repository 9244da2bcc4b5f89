package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.RecordingReporter;
import io.jitp.core.Reporter;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.KeyPairs;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceBatchTest {
    private static final CertificateAuthority CA =
            CertificateAuthority.create(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 100);

    @TempDir
    Path dir;

    @Test
    void issuesEveryDeviceWithKeyChainAndManifest() throws Exception {
        BatchResult result = batch(CA, false).run(DeviceSources.numbered("dev-", 5,
                new SubjectProfile(null, "ES", null, null, "12345", null, null, null)));

        assertEquals(5, result.issued().size());
        for (DeviceRecord device : result.issued()) {
            Path crt = dir.resolve(device.certificateFile());
            Path key = dir.resolve(device.keyFile());
            var chain = Pem.readCertificates(crt);
            assertEquals(List.of(CA.certificate()), chain.subList(1, 2), "device certificate, then the CA");
            chain.get(0).verify(CA.certificate().getPublicKey());
            assertEquals(device.certificateId(), CertificateIds.of(chain.get(0)));
            assertEquals("C=ES,O=12345,CN=" + device.id(), device.subject());
            assertTrue(KeyPairs.matches(chain.get(0).getPublicKey(), Pem.readPrivateKey(key, null)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(CertificateIds.of(CA.certificate()), json.get("caCertificateId").asText());
        assertEquals(List.of("dev-0", "dev-1", "dev-2", "dev-3", "dev-4"), manifestIds());
        List<String> csv = Files.readAllLines(dir.resolve("manifest.csv"));
        assertEquals("id,serial,certificateId,subject,notAfter,certificateFile,keyFile", csv.get(0));
        assertTrue(csv.get(1).startsWith("dev-0,") && csv.get(1).contains("\"C=ES,O=12345,CN=dev-0\""), csv.get(1));
        assertEquals(6, csv.size());
        assertEquals(Set.of(), temporaryFiles());
    }

    @Test
    void progressEndsWithTheTotalAndTheRate() throws Exception {
        RecordingReporter collecting = new RecordingReporter();
        List<String> lines = collecting.lines();

        new DeviceBatch(CA, new BatchOptions(dir, KeyAlgorithm.EC_P256, 30, 2, false), collecting)
                .run(DeviceSources.numbered("dev-", 4, SubjectProfile.empty()));

        assertTrue(lines.get(lines.size() - 1).matches("Issued 4/4 devices \\(\\d+/s\\)"), lines.toString());
    }

    @Test
    void rerunKeepsExistingDevicesAndAddsOnlyMissingOnes() throws Exception {
        BatchResult first = batch(CA, false).run(DeviceSources.numbered("dev-", 3, SubjectProfile.empty()));
        String before = Files.readString(dir.resolve("dev-1.crt"));

        BatchResult second = batch(CA, false).run(DeviceSources.numbered("dev-", 5, SubjectProfile.empty()));

        assertEquals(Set.copyOf(first.issued()), Set.copyOf(second.kept()));
        assertEquals(List.of("dev-3", "dev-4"), second.issued().stream().map(DeviceRecord::id).sorted().toList());
        assertEquals(before, Files.readString(dir.resolve("dev-1.crt")));
        assertEquals(List.of("dev-0", "dev-1", "dev-2", "dev-3", "dev-4"), manifestIds());
    }

    @Test
    void forceReissuesExistingDevices() throws Exception {
        BatchResult first = batch(CA, false).run(DeviceSources.numbered("dev-", 2, SubjectProfile.empty()));
        BatchResult forced = batch(CA, true).run(DeviceSources.numbered("dev-", 2, SubjectProfile.empty()));

        assertEquals(2, forced.issued().size());
        assertNotEquals(first.issued().get(0).certificateId(), forced.issued().get(0).certificateId());
    }

    @Test
    void deviceOfAnotherCaIsRefusedBeforeAnythingIsWritten() throws Exception {
        batch(CA, false).run(DeviceSources.numbered("dev-", 2, SubjectProfile.empty()));
        String manifest = Files.readString(dir.resolve("manifest.json"));
        CertificateAuthority other = CertificateAuthority.create(SubjectProfile.ofCommonName("other"),
                KeyAlgorithm.EC_P256, 10);

        var e = assertThrows(InvalidInputException.class,
                () -> batch(other, false).run(DeviceSources.numbered("dev-", 4, SubjectProfile.empty())));

        assertTrue(e.getMessage().contains("dev-0") && e.getMessage().contains("another CA")
                && e.getMessage().contains("-Diot.force=true"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("dev-3.crt")));
        assertEquals(manifest, Files.readString(dir.resolve("manifest.json")));
    }

    @Test
    void keyWithoutCertificateFromAnInterruptedRunIsIssuedAgain() throws Exception {
        batch(CA, false).run(DeviceSources.numbered("dev-", 2, SubjectProfile.empty()));
        Files.delete(dir.resolve("dev-1.crt"));
        String orphan = Files.readString(dir.resolve("dev-1.key"));
        RecordingReporter collecting = new RecordingReporter();

        BatchResult rerun = new DeviceBatch(CA, new BatchOptions(dir, KeyAlgorithm.EC_P256, 30, 2, false), collecting)
                .run(DeviceSources.numbered("dev-", 2, SubjectProfile.empty()));

        assertEquals(List.of("dev-1"), rerun.issued().stream().map(DeviceRecord::id).toList());
        assertNotEquals(orphan, Files.readString(dir.resolve("dev-1.key")), "a new key, not the orphan");
        assertTrue(collecting.lines().contains("1 device(s) have a key but no certificate (an interrupted run); they"
                + " are issued again with new keys"), collecting.lines().toString());
        var certificate = Pem.readCertificate(dir.resolve("dev-1.crt"));
        assertTrue(KeyPairs.matches(certificate.getPublicKey(), Pem.readPrivateKey(dir.resolve("dev-1.key"), null)));
    }

    @Test
    void rerunAfterAKilledRunRemovesLeftoversAndRebuildsTheManifest() throws Exception {
        batch(CA, false).run(DeviceSources.numbered("dev-", 2, SubjectProfile.empty()));
        // What kill -9 in the middle of dev-2 can leave: a prepared temp file, a committed key, a stale manifest.
        SecureFiles.prepare(dir.resolve("dev-2.crt"), new byte[] {1}, false);
        Files.writeString(dir.resolve("dev-2.key"), Pem.encode(KeyAlgorithm.EC_P256.generate().getPrivate()));
        Files.delete(dir.resolve("manifest.json"));

        BatchResult rerun = batch(CA, false).run(DeviceSources.numbered("dev-", 3, SubjectProfile.empty()));

        assertEquals(List.of("dev-2"), rerun.issued().stream().map(DeviceRecord::id).toList());
        assertEquals(List.of("dev-0", "dev-1", "dev-2"), manifestIds());
        assertEquals(Set.of(), temporaryFiles());
        var certificate = Pem.readCertificate(dir.resolve("dev-2.crt"));
        assertTrue(KeyPairs.matches(certificate.getPublicKey(), Pem.readPrivateKey(dir.resolve("dev-2.key"), null)));
    }

    @Test
    void failureLeavesNoHalfWrittenFileAndAManifestOfWhatExists() throws Exception {
        // A non-empty directory where dev-3's certificate must go: its commit fails.
        Files.createDirectories(dir.resolve("dev-3.crt/blocker"));

        var e = assertThrows(BatchFailedException.class,
                () -> batch(CA, false).run(DeviceSources.numbered("dev-", 8, SubjectProfile.empty())));

        assertTrue(e.getMessage().contains("dev-3"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("dev-3.key")), "its key was rolled back");
        assertEquals(Set.of(), temporaryFiles());
        Set<String> complete = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".crt") && Files.isRegularFile(f))
                    .forEach(f -> complete.add(f.getFileName().toString().replace(".crt", "")));
        }
        assertEquals(List.copyOf(complete), manifestIds());
        for (String id : complete) {
            assertTrue(Files.exists(dir.resolve(id + ".key")), id);
        }
    }

    @Test
    void signsEveryCsrOfAFolderWithoutWritingKeys() throws Exception {
        Path csrs = Files.createDirectories(dir.resolve("csrs"));
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        for (String id : List.of("se-1", "se-2")) {
            var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("O=acme,CN=" + id), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            Files.writeString(csrs.resolve(id + ".csr"), Pem.encode(csr));
        }
        Path out = dir.resolve("out");

        BatchResult result = new DeviceBatch(CA, BatchOptions.onAllCores(out, KeyAlgorithm.EC_P256, 10, false),
                Reporter.silent()).run(CsrDirectory.read(csrs));

        assertEquals(List.of("se-1", "se-2"), result.manifest().devices().stream().map(DeviceRecord::id).toList());
        assertEquals(null, result.manifest().devices().get(0).keyFile());
        assertFalse(Files.exists(out.resolve("se-1.key")));
        assertEquals(keys.getPublic(), Pem.readCertificate(out.resolve("se-2.crt")).getPublicKey());
        // A rerun keeps them: same key, same CA.
        BatchResult rerun = new DeviceBatch(CA, BatchOptions.onAllCores(out, KeyAlgorithm.EC_P256, 10, false),
                Reporter.silent()).run(CsrDirectory.read(csrs));
        assertEquals(2, rerun.kept().size());
    }

    @Test
    void csrFolderWithAForgedCsrIsRefusedNamingTheFile() throws Exception {
        Path csrs = Files.createDirectories(dir.resolve("csrs"));
        var forged = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"),
                KeyAlgorithm.EC_P256.generate().getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(
                        KeyAlgorithm.EC_P256.generate().getPrivate()));
        Files.writeString(csrs.resolve("x.csr"), Pem.encode(forged));

        var e = assertThrows(InvalidInputException.class, () -> CsrDirectory.read(csrs));
        assertTrue(e.getMessage().contains(csrs.resolve("x.csr").toString()), e.getMessage());
    }

    @Test
    void concurrentBatchesIntoOneFolderTakeTurnsAndTheManifestKeepsBoth() throws Exception {
        // Two shards of a load test set up their devices in one folder at once; neither may lose the other's work.
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<BatchResult>> results = List.of(
                    runs.submit(() -> batch(CA, false).run(DeviceSources.numbered("a-", 40, SubjectProfile.empty()))),
                    runs.submit(() -> batch(CA, false).run(DeviceSources.numbered("b-", 40, SubjectProfile.empty()))));
            for (Future<BatchResult> result : results) {
                assertEquals(40, result.get().issued().size());
            }
        } finally {
            runs.shutdownNow();
        }
        assertEquals(80, new TreeSet<>(manifestIds()).size());
        assertEquals(Set.of(), temporaryFiles());
    }

    private DeviceBatch batch(CertificateAuthority ca, boolean force) {
        return new DeviceBatch(ca, new BatchOptions(dir, KeyAlgorithm.EC_P256, 30, 2, force), Reporter.silent());
    }

    private List<String> manifestIds() throws IOException {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        return Stream.of(json.get("devices")).flatMap(d -> {
            List<String> ids = new java.util.ArrayList<>();
            d.forEach(n -> ids.add(n.get("id").asText()));
            return ids.stream();
        }).toList();
    }

    private Set<String> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                    .collect(Collectors.toSet());
        }
    }
}
