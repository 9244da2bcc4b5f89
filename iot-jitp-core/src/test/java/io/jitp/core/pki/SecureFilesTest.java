package io.jitp.core.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecureFilesTest {
    @TempDir
    Path dir;

    @Test
    void secretsAreOwnerOnlyAndPublicFilesWorldReadable() throws IOException {
        Path key = dir.resolve("sub/d.key");
        Path cert = dir.resolve("sub/d.crt");

        SecureFiles.writeSecret(key, "key");
        SecureFiles.writePublic(cert, "cert");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)));
        assertEquals("key", Files.readString(key));
        assertEquals(2, fileCount(dir.resolve("sub")), "no temporary file left behind");
    }

    @Test
    void replacingKeepsOnlyTheNewContent() throws IOException {
        Path file = dir.resolve("manifest.json");
        SecureFiles.writePublic(file, "old content that is longer");
        SecureFiles.writePublic(file, "new");

        assertEquals("new", Files.readString(file));
        assertEquals(1, fileCount(dir));
    }

    @Test
    void failedCommitLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path prepared = SecureFiles.prepare(dir.resolve("d.key"), new byte[] {1}, true);
        Path blocked = dir.resolve("occupied");
        Files.createDirectories(blocked.resolve("child"));

        // A non-empty directory cannot be replaced by a file: the move fails.
        assertThrows(IOException.class, () -> SecureFiles.commit(prepared, blocked));
        assertEquals(1, fileCount(dir), "only the directory remains");
    }

    @Test
    void abandonedTemporaryFilesAreDeletedAndNothingElse() throws IOException {
        Path abandoned = SecureFiles.prepare(dir.resolve("d.key"), new byte[] {1}, true);
        Path keep = Files.writeString(dir.resolve("notes.tmp"), "user file");
        Path hidden = Files.writeString(dir.resolve(".hidden"), "user file");

        assertEquals(1, SecureFiles.deleteAbandoned(dir));

        assertEquals(false, Files.exists(abandoned));
        assertEquals(true, Files.exists(keep) && Files.exists(hidden));
        assertEquals(0, SecureFiles.deleteAbandoned(dir.resolve("absent")));
    }

    private static long fileCount(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }
}
