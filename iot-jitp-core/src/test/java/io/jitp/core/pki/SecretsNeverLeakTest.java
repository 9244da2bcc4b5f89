package io.jitp.core.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.RecordingReporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA password appears nowhere but (encrypted) in the key: not in what is reported, not in any file written (CA
 * folder, device files, manifests, audit log), not in the message of any failure, including a wrong password.
 */
class SecretsNeverLeakTest {
    private static final String PASSWORD = "Leak-Canary-7f3a9c";

    @TempDir
    Path dir;

    @Test
    void createProvisionAndFailuresNeverShowThePassword() throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        List<String> messages = new ArrayList<>();
        CaStore store = new CaStore(dir.resolve("ca"), "root");
        store.createOrReuse(new NewCa(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10, null),
                CaCredentials.ofPassword(PASSWORD.toCharArray()), false, Requester.current("test"), reporter);
        store.createOrReuse(new NewCa(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10, null),
                CaCredentials.ofPassword(PASSWORD.toCharArray()), false, Requester.current("test"), reporter);
        CertificateAuthority ca = store.load(CaCredentials.ofPassword(PASSWORD.toCharArray()),
                Requester.current("test"), reporter);
        new DeviceBatch(ca, new BatchOptions(dir.resolve("out"), KeyAlgorithm.EC_P256, 10, 2, false), reporter)
                .run(DeviceSources.numbered("dev-", 3, SubjectProfile.empty()));

        for (String wrong : new String[] {PASSWORD + "x", PASSWORD.substring(1)}) {
            var e = assertThrows(KeyPasswordRequiredException.class, () -> store.load(
                    CaCredentials.ofPassword(wrong.toCharArray()), Requester.current("test"), reporter));
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                messages.add(String.valueOf(cause.getMessage()));
                messages.add(cause.toString());
            }
        }
        messages.add(CaCredentials.ofPassword(PASSWORD.toCharArray()).toString());

        assertTrue(Files.readString(store.keyFile()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
                "a configured password encrypts the key");
        String canary = PASSWORD.substring(1, PASSWORD.length() - 1);
        assertTrue(Stream.concat(reporter.lines().stream(), messages.stream()).noneMatch(l -> l.contains(canary)),
                "password in a reported line or message");
        int checked = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(canary),
                        "password in " + file);
                checked++;
            }
        }
        assertTrue(checked >= 10, "key, certificate, audit log, device files and manifests: " + checked);
    }
}
