package io.jitp.core.pki;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atomic writes on a disk that is full: a clear error naming the file, and the previous content intact. */
class DiskFullTest {
    @TempDir
    Path dir;

    private SmallDisk disk;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallDisk.mount(dir.resolve("disk"), 256);
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void replacingAFileOnAFullDiskNamesTheFileAndKeepsTheOldContent() throws Exception {
        Path manifest = disk.root().resolve("manifest.json");
        SecureFiles.writePublic(manifest, "{\"old\": true}\n");
        disk.fill();

        IOException e = assertThrows(IOException.class,
                () -> SecureFiles.writePublic(manifest, "x".repeat(64 * 1024)));

        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("no space left"),
                e.getMessage());
        assertEquals("{\"old\": true}\n", Files.readString(manifest));
        assertEquals(List.of("filler", "manifest.json"), names(disk.root()), "no temporary file left behind");
    }

    @Test
    void aSecretThatDoesNotFitLeavesNoPartialKey() throws Exception {
        Path key = disk.root().resolve("device.key");
        disk.fill();

        IOException e = assertThrows(IOException.class, () -> SecureFiles.writeSecret(key, "k".repeat(8192)));

        assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("no space left"),
                e.getMessage());
        assertEquals(List.of("filler"), names(disk.root()), "neither the key nor a temporary file");
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
