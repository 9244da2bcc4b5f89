package io.jitp.core.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An AppCDS archive of the stand-in's classes (JDK 17's dynamic archive), which spares a started stand-in most of
 * its class loading and verification. Kept in a cache folder under a name derived from the JVM and the classpath
 * (paths, sizes, modification times), so a new emulator version or a rebuilt jar gets a new archive and the old
 * ones are deleted; the JVM itself also refuses an archive that does not match its classpath.
 *
 * <p>Written by the JVM when a stand-in exits ({@code -XX:ArchiveClassesAtExit}), under a temporary name; the next
 * start renames it into place (one stand-in per state directory, so its writer has finished) and uses it
 * ({@code -XX:SharedArchiveFile}). An archive left incomplete by a killed stand-in is refused by the JVM, which then
 * runs without it. Only a state directory started before gets one: a fresh directory (a test's) is often started
 * once, and writing the archive makes that stop seconds slower.
 */
final class ClassDataArchive {

    /** The cache folder, in the state directory. */
    static final String FOLDER = "class-data";
    private static final String PREFIX = "stand-in-";
    private static final String SUFFIX = ".jsa";
    private static final String PENDING = ".pending";

    private final Path folder;
    private final Path archive;
    private final Path pending;

    private ClassDataArchive(Path folder, String key) {
        this.folder = folder;
        this.archive = folder.resolve(PREFIX + key + SUFFIX);
        this.pending = folder.resolve(PREFIX + key + SUFFIX + PENDING);
    }

    /**
     * @param folder    the cache folder
     * @param classpath the stand-in's classpath
     * @return the archive of that classpath on this JVM
     * @throws IOException if a classpath jar cannot be read
     */
    static ClassDataArchive of(Path folder, List<Path> classpath) throws IOException {
        MessageDigest digest = sha256();
        update(digest, System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"));
        for (Path entry : classpath) {
            // A classpath may name folders, even missing ones (a module without main classes): the JVM archives
            // only classes from jars, so such entries count by name.
            update(digest, entry.toAbsolutePath() + (Files.isRegularFile(entry)
                    ? "|" + Files.size(entry) + "|" + Files.getLastModifiedTime(entry).toMillis() : ""));
        }
        return new ClassDataArchive(folder, HexFormat.of().formatHex(digest.digest(), 0, 8));
    }

    /**
     * @param writeWhenMissing whether a missing archive should be written at the stand-in's exit
     * @return the JVM options that use the archive, or write it (when missing and asked to), or none
     * @throws IOException if the cache folder cannot be prepared
     */
    List<String> jvmOptions(boolean writeWhenMissing) throws IOException {
        if (!Files.isRegularFile(archive) && Files.isRegularFile(pending)) {
            Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (!writeWhenMissing) {
            return List.of();
        }
        Files.createDirectories(folder);
        deleteOthers();
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Archives of other classpaths (older versions) are never used again; they are tens of MB each. */
    private void deleteOthers() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
                    .filter(f -> !f.equals(archive) && !f.equals(pending)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** @return the archive file (present once written and renamed into place) */
    Path archive() {
        return archive;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
