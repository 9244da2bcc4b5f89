package io.jitp.core.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.devices.DeviceSources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA audit log: one line per certificate, matching it, never rewritten, whole under threads and processes. */
class IssuanceLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Requester ALICE = new Requester("alice", "factory-7", "mvn iot:provision-devices");

    @TempDir
    Path dir;

    private CertificateAuthority loadedCa(CaStore store) throws Exception {
        return store.load(CaCredentials.ofPassword(null), ALICE, Reporter.silent());
    }

    private static BatchResult batch(CertificateAuthority ca, Path folder, int count, boolean force)
            throws Exception {
        return new DeviceBatch(ca, new BatchOptions(folder, KeyAlgorithm.EC_P256, 10, 4, force), Reporter.silent())
                .run(DeviceSources.numbered("dev-", count, SubjectProfile.empty()));
    }

    private static List<JsonNode> entries(Path log) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    @Test
    void aParallelBatchWritesExactlyOneMatchingLinePerCertificate() throws Exception {
        CaStore store = new CaStore(dir.resolve("ca"), "root");
        store.createOrReuse(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10, null, false,
                Reporter.silent());
        CertificateAuthority ca = loadedCa(store);
        Instant before = Instant.now().minusMillis(1);
        BatchResult result = batch(ca, dir.resolve("devices"), 60, false);

        List<JsonNode> entries = entries(store.auditLogFile());
        assertEquals(1 + 60, entries.size(), "the CA itself, then one line per device");
        String caId = CertificateIds.of(ca.certificate());
        assertEquals(caId, entries.get(0).get("certificateId").asText(), "creating the CA is its first line");
        Map<String, JsonNode> byId = entries.stream().skip(1)
                .collect(Collectors.toMap(e -> e.get("certificateId").asText(), Function.identity()));
        assertEquals(60, byId.size(), "no certificate logged twice");
        for (DeviceRecord device : result.issued()) {
            JsonNode entry = byId.get(device.certificateId());
            assertEquals(device.serial(), entry.get("serial").asText());
            assertEquals(device.subject(), entry.get("subject").asText());
            assertEquals(device.notAfter(), entry.get("notAfter").asText());
            assertEquals(caId, entry.get("caId").asText());
            assertEquals("alice", entry.at("/requester/user").asText());
            assertEquals("factory-7", entry.at("/requester/host").asText());
            assertEquals("mvn iot:provision-devices", entry.at("/requester/purpose").asText());
            Instant time = Instant.parse(entry.get("time").asText());
            assertFalse(time.isBefore(before) || time.isAfter(Instant.now()), time.toString());
        }
    }

    @Test
    void laterRunsOnlyAppendAndAReusedCaAddsNothing() throws Exception {
        CaStore store = new CaStore(dir, "root");
        store.createOrReuse(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10, null, false,
                Reporter.silent());
        batch(loadedCa(store), dir.resolve("devices"), 5, false);
        byte[] firstRun = Files.readAllBytes(store.auditLogFile());

        store.createOrReuse(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10, null, false,
                Reporter.silent());
        batch(loadedCa(store), dir.resolve("devices"), 5, false);
        assertArrayEquals(firstRun, Files.readAllBytes(store.auditLogFile()), "nothing issued, nothing logged");

        batch(loadedCa(store), dir.resolve("devices"), 5, true);
        byte[] secondRun = Files.readAllBytes(store.auditLogFile());
        assertArrayEquals(firstRun, Arrays.copyOf(secondRun, firstRun.length), "earlier lines unchanged");
        assertEquals(1 + 5 + 5, entries(store.auditLogFile()).size());
    }

    @Test
    void aCertificateThatCannotBeLoggedIsNotIssued() throws Exception {
        Path log = Files.createDirectories(dir.resolve("issued.log"));
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 10).withAudit(new IssuanceLog(log, ALICE));

        var e = assertThrows(UncheckedIOException.class, () -> ca.issueDeviceCertificate(
                KeyAlgorithm.EC_P256.generate().getPublic(), SubjectProfile.ofCommonName("dev"), 10));
        assertTrue(e.getMessage().contains("Cannot append to the CA audit log " + log), e.getMessage());
    }

    @Test
    void threadsAndAnotherProcessAppendingAtOnceNeverInterleave() throws Exception {
        Path log = dir.resolve("issued.log");
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 10);
        int perWriter = 400;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditLogWriter.class.getName(), log.toString(),
                String.valueOf(perWriter)).redirectErrorStream(true).start();
        BufferedReader childOutput = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("ready", childOutput.readLine());

        ExecutorService threads = Executors.newFixedThreadPool(3);
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            // A log object per thread, as separate goals of one JVM would have: they share one in-process monitor.
            // One of them reaches the folder through a symlink: still the same file, still one monitor.
            Path spelling = t == 0 ? Files.createSymbolicLink(dir.resolve("link"), dir).resolve("issued.log") : log;
            IssuanceLog writer = new IssuanceLog(spelling, new Requester("t", "h", "thread"));
            writers.add(threads.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    writer.issued(ca.certificate(), ca.certificate());
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        double micros = (System.nanoTime() - start) / 1000.0 / (3 * perWriter);
        threads.shutdown();
        assertEquals(0, child.waitFor(), childOutput.lines().collect(Collectors.joining("\n")));

        Map<String, Long> perPurpose = entries(log).stream()
                .collect(Collectors.groupingBy(e -> e.at("/requester/purpose").asText(), Collectors.counting()));
        assertEquals(Map.of("thread", 3L * perWriter, "child-process", (long) perWriter), perPurpose,
                "every line whole and parseable, none lost");
        System.out.printf("IssuanceLog: %.1f us per appended line, 3 threads + 1 process contending%n", micros);
    }

    @Test
    void theLogIsOwnerOnly() throws Exception {
        Path log = dir.resolve("issued.log");
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 10);
        new IssuanceLog(log, ALICE).issued(ca.certificate(), ca.certificate());
        assertEquals("0600", CaFileModes.octal(Files.getPosixFilePermissions(log)));
    }
}
