package io.jitp.core.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.RecordingReporter;
import io.jitp.core.Reporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a CA warns when others can reach its folder or key, naming the file, its mode and the chmod fix. */
class CaFileModesTest {
    @TempDir
    Path dir;

    private CaStore created() throws Exception {
        CaStore store = new CaStore(dir.resolve("ca"), "root");
        store.createOrReuse(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10, "pw".toCharArray(), false,
                Reporter.silent());
        return store;
    }

    private static List<String> warningsOnLoad(CaStore store) throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        store.load(CaCredentials.ofPassword("pw".toCharArray()), Requester.current("test"), reporter);
        return reporter.lines();
    }

    @Test
    void aNewCaIsOwnerOnlyAndLoadsWithoutWarnings() throws Exception {
        CaStore store = created();
        assertEquals("0700", CaFileModes.octal(Files.getPosixFilePermissions(store.keyFile().getParent())));
        assertEquals("0600", CaFileModes.octal(Files.getPosixFilePermissions(store.keyFile())));
        assertEquals(List.of(), warningsOnLoad(store));
    }

    @Test
    void looserModesAreWarnedAboutWithTheChmodThatFixesThem() throws Exception {
        CaStore store = created();
        Path folder = store.keyFile().getParent();
        // Root can still change the bits, so this works in CI too; the CA keeps working, only the warning shows.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(store.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(List.of(
                "WARN CA folder " + folder + " has mode 0755, so other users can reach it; restrict it with:"
                        + " chmod 700 " + folder,
                "WARN CA key " + store.keyFile() + " has mode 0644, so other users can reach it; restrict it with:"
                        + " chmod 600 " + store.keyFile()), warningsOnLoad(store));

        Files.setPosixFilePermissions(store.keyFile(), PosixFilePermissions.fromString("rw-rw----"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        List<String> groupReadable = warningsOnLoad(store);
        assertEquals(1, groupReadable.size(), groupReadable.toString());
        assertTrue(groupReadable.get(0).contains("has mode 0660"), groupReadable.get(0));
    }

    @Test
    void creatingACaInAnExistingOpenFolderWarnsAtOnce() throws Exception {
        Path open = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));
        RecordingReporter reporter = new RecordingReporter();

        new CaStore(open, "root").createOrReuse(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 10,
                "pw".toCharArray(), false, reporter);

        assertTrue(reporter.lines().contains("WARN CA folder " + open + " has mode 0775, so other users can reach"
                + " it; restrict it with: chmod 700 " + open), reporter.lines().toString());
        assertEquals("0775", CaFileModes.octal(Files.getPosixFilePermissions(open)), "the folder is left as it was");
    }

    @Test
    void modesPrintAsChmodWritesThem() {
        assertEquals("0640", CaFileModes.octal(PosixFilePermissions.fromString("rw-r-----")));
        assertEquals("0007", CaFileModes.octal(PosixFilePermissions.fromString("------rwx")));
    }
}
