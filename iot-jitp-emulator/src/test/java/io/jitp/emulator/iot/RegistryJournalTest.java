package io.jitp.emulator.iot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jitp.emulator.state.StateFileException;
import io.jitp.emulator.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's snapshot-plus-journal storage: cheap changes, crash tolerance, clear corruption errors. */
class RegistryJournalTest {
    /** Enough to see the trend; certificate generation, not the registry, is what makes more costly here. */
    private static final int DEVICES = 400;

    @TempDir
    Path stateDir;

    private IotRegistry open() throws Exception {
        return IotRegistry.open(stateDir, "us-east-1", "123456789012");
    }

    private Path journal() {
        return stateDir.resolve(IotRegistry.JOURNAL_FILE);
    }

    @Test
    void changesGoToAnOwnerOnlyJournalAndAreFoldedIntoTheSnapshotOnOpen() throws Exception {
        IotRegistry registry = open();
        registry.createThing("a", null, Map.of("k", "1"));
        registry.createThing("b", null, null);
        registry.updateThingAttributes("a", Map.of("k", "2"), true);
        registry.deleteThing("b");
        assertEquals(4, Files.readAllLines(journal()).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal())));

        IotRegistry reopened = open();
        assertEquals(Map.of("k", "2"), reopened.findThing("a").orElseThrow().attributes());
        assertTrue(reopened.findThing("b").isEmpty());
        assertEquals(0, Files.size(journal()));
        assertTrue(Files.readString(stateDir.resolve(IotRegistry.STATE_FILE)).contains("\"a\""));
    }

    @Test
    void theJournalStaysOpenBetweenFoldsAndEachLineIsInTheFileAtOnce() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to count open files");
        IotRegistry registry = open();
        for (int i = 0; i < 3; i++) {
            registry.createThing("t" + i, null, null);
            assertEquals(i + 1, Files.readAllLines(journal()).size(), "line " + (i + 1) + " written before the answer");
        }
        assertEquals(1, handlesOn(journal(), fds), "one handle for all lines");

        registry.checkpoint();
        assertEquals(0, handlesOn(journal(), fds), "let go when folded");
        assertEquals(0, Files.size(journal()));

        registry.createThing("after", null, null);
        assertEquals(1, Files.readAllLines(journal()).size(), "the new journal file, not the replaced one");
        assertEquals(1, handlesOn(journal(), fds));
        IotRegistry reopened = open();
        for (String thing : List.of("t0", "t1", "t2", "after")) {
            assertTrue(reopened.findThing(thing).isPresent(), thing);
        }
    }

    private static long handlesOn(Path file, Path fds) throws Exception {
        Path real = file.toRealPath();
        try (var links = Files.list(fds)) {
            return links.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (Exception e) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void aLastLineCutShortByACrashIsDropped() throws Exception {
        IotRegistry registry = open();
        registry.createThing("kept", null, null);
        Files.writeString(journal(), "{\"c\":\"things\",\"k\":\"lost\",\"v\":{\"na", StandardOpenOption.APPEND);
        IotRegistry reopened = open();
        assertTrue(reopened.findThing("kept").isPresent());
        assertTrue(reopened.findThing("lost").isEmpty());
        reopened.createThing("after", null, null);
        assertTrue(open().findThing("after").isPresent());
    }

    @Test
    void aDamagedLineInTheMiddleIsACorruptJournal() throws Exception {
        IotRegistry registry = open();
        registry.createThing("a", null, null);
        Files.writeString(journal(), "garbage\n", StandardOpenOption.APPEND);
        registry.createThing("b", null, null);
        StateFileException e = assertThrows(StateFileException.class, this::open);
        assertEquals(journal(), e.file());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aLongJournalIsFoldedIntoTheSnapshotWhileRunning() throws Exception {
        IotRegistry registry = open();
        registry.createThing("busy", null, null);
        for (int i = 0; i < 1500; i++) {
            registry.updateThingAttributes("busy", Map.of("n", Integer.toString(i)), true);
        }
        assertTrue(Files.readAllLines(journal()).size() < 1000, "the journal was never folded");
        assertEquals(Map.of("n", "1499"), open().findThing("busy").orElseThrow().attributes());
    }

    @Test
    void attachingAPolicyToTheNextTargetJournalsThatTargetOnlyAndReplaysTheSet() throws Exception {
        IotRegistry registry = open();
        registry.createPolicy("shared", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}");
        registry.createThing("t", null, null);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            registry.attachPolicy("shared", principal(i));
            registry.attachThingPrincipal("t", principal(i));
            lines = Files.readAllLines(journal());
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains(principal(49)) && !last.contains(principal(48)),
                "a line holds the one member added, not the whole set: " + last);
        registry.detachPolicy("shared", principal(7));
        registry.detachThingPrincipal("t", principal(8));
        registry.attachPolicy("shared", principal(7));

        IotRegistry reopened = open();
        List<String> targets = reopened.policyTargets("shared");
        assertEquals(50, targets.size());
        assertEquals(principal(7), targets.get(49), "re-attached last, so listed last");
        assertEquals(49, reopened.thingPrincipals("t").size());
        assertTrue(!reopened.thingPrincipals("t").contains(principal(8)));
    }

    private static String principal(int i) {
        return "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/p" + i;
    }

    /** Prints figures only: how provisioning time grows with the fleet (it used to grow quadratically). */
    @Test
    void provisioningTimeGrowsLinearlyWithTheFleet() throws Exception {
        IotRegistry registry = open();
        TestPki.Issued ca = TestPki.ca("CN=fleet");
        CaCertificate registered = registry.registerCaCertificate(ca.pem(),
                TestPki.leaf(ca, "CN=" + registry.registrationCode()).pem(), null, true, true, null, null);
        List<TestPki.Issued> devices = new ArrayList<>();
        KeyPair sharedKeys = TestPki.keyPair();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(TestPki.leaf(ca, "CN=d" + i, sharedKeys));
        }
        long start = System.nanoTime();
        for (int i = 0; i < devices.size(); i++) {
            Certificate certificate = registry.registerJitpCertificate(devices.get(i).certificate(), registered);
            registry.createThing("d" + i, null, null);
            registry.attachThingPrincipal("d" + i, certificate.arn());
            registry.updateCertificateStatus(certificate.id(), CertificateStatus.ACTIVE);
            if (i % 100 == 99) {
                System.out.printf("Registry: %d JITP provisionings (4 stored changes each) in %d ms%n", i + 1,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
        assertEquals(DEVICES, open().certificatesByCa(registered.id()).size());
    }
}
