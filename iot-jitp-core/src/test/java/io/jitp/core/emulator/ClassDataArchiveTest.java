package io.jitp.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AppCDS archive's life: written at a stand-in's exit, renamed into place, replaced when the jars change. */
class ClassDataArchiveTest {

    @TempDir
    Path cache;
    @TempDir
    Path jars;

    @Test
    void writtenOnceThenUsedAndReplacedWhenTheClasspathChanges() throws Exception {
        Path jar = Files.writeString(jars.resolve("iot-jitp-emulator.jar"), "classes");
        Path missingFolder = jars.resolve("target/classes");
        ClassDataArchive archive = ClassDataArchive.of(cache, List.of(jar, missingFolder));

        assertEquals(List.of(), archive.jvmOptions(false), "a fresh state directory writes no archive");
        List<String> write = archive.jvmOptions(true);
        assertTrue(write.get(0).startsWith("-XX:ArchiveClassesAtExit="), write.toString());
        Path pending = Path.of(write.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        assertFalse(Files.exists(archive.archive()), "the JVM writes under a temporary name");

        Files.writeString(pending, "archive written at exit");
        List<String> use = archive.jvmOptions(true);
        assertEquals("-XX:SharedArchiveFile=" + archive.archive(), use.get(0));
        assertTrue(Files.exists(archive.archive()));
        assertFalse(Files.exists(pending));

        Files.writeString(jar, "rebuilt classes");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        ClassDataArchive rebuilt = ClassDataArchive.of(cache, List.of(jar, missingFolder));
        assertNotEquals(archive.archive(), rebuilt.archive(), "a changed jar gets its own archive");
        assertTrue(rebuilt.jvmOptions(true).get(0).startsWith("-XX:ArchiveClassesAtExit="));
        assertFalse(Files.exists(archive.archive()), "the stale archive is deleted");
    }
}
