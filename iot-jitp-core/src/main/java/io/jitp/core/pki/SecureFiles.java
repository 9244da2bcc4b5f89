package io.jitp.core.pki;

import io.jitp.core.UserPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader (or a rerun after a crash) sees either the old content or the complete new content,
 * never a torn file: the bytes go to a temporary file in the same folder, which is then renamed over the target.
 * Secrets are created with mode 0600 from the start, so a key is never readable by others even for a moment.
 */
public final class SecureFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Pattern ABANDONED = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");
    private static final Set<OpenOption> CREATE_NEW_FOR_WRITE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private SecureFiles() {
    }

    /**
     * Writes a secret (private key, password-bearing file) atomically with mode 0600.
     *
     * @param target  the file to create or replace
     * @param content its content
     * @throws IOException if the folder is not writable
     */
    public static void writeSecret(Path target, String content) throws IOException {
        commit(prepare(target, content.getBytes(StandardCharsets.UTF_8), true, true), target);
    }

    /**
     * Writes a non-secret file (certificate, manifest) atomically with mode 0644.
     *
     * @param target  the file to create or replace
     * @param content its content
     * @throws IOException if the folder is not writable
     */
    public static void writePublic(Path target, String content) throws IOException {
        commit(prepare(target, content.getBytes(StandardCharsets.UTF_8), false, true), target);
    }

    /**
     * First half of an atomic write: the complete content in a temporary file next to {@code target}. Callers that
     * must commit several files together prepare them all, then {@link #commit} each; on failure they
     * {@link #discard} what is left.
     *
     * @param target  the file the content is meant for
     * @param content the bytes
     * @param secret  true for mode 0600, false for 0644
     * @return the temporary file
     * @throws IOException if the folder is not writable
     */
    public static Path prepare(Path target, byte[] content, boolean secret) throws IOException {
        return prepare(target, content, secret, false);
    }

    /**
     * Like {@link #prepare(Path, byte[], boolean)}, optionally flushing the content to the disk before the rename, so
     * that even a power cut cannot leave an empty file under the final name. Single files that matter (a CA, a
     * manifest) are written durably; batch device files are not, as a flush per file would dominate a batch, and a
     * device lost that way is simply issued again by the next run.
     *
     * @param target  the file the content is meant for
     * @param content the bytes
     * @param secret  true for mode 0600, false for 0644
     * @param durable flush to the disk before returning
     * @return the temporary file
     * @throws IOException if the folder is not writable
     */
    public static Path prepare(Path target, byte[] content, boolean secret, boolean durable) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // createDirectories on an existing folder costs an exception per call; batches call this per file.
        if (!Files.isDirectory(folder)) {
            UserPaths.createFolder(folder, "output folder");
        }
        // CREATE_NEW makes the name safe even if it was taken; a per-thread random keeps it cheap in batches.
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, CREATE_NEW_FOR_WRITE, permissions(secret))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
            return temp;
        } catch (IOException e) {
            discard(temp);
            throw explained(e, target);
        } catch (RuntimeException e) {
            discard(temp);
            throw e;
        }
    }

    /**
     * The JDK reports a full disk as a bare "No space left on device" without the file; a factory operator needs to
     * know which disk filled up and that nothing was half-written.
     */
    private static IOException explained(IOException e, Path target) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return new IOException("Cannot write " + target.toAbsolutePath() + ": no space left on device ("
                    + message + "); the file keeps its previous content. Free space on that disk and rerun", e);
        }
        return e;
    }

    /**
     * Second half of an atomic write: renames the prepared file over the target.
     *
     * @param prepared the file returned by {@link #prepare}
     * @param target   the file to create or replace
     * @throws IOException if the rename fails (the prepared file is then removed)
     */
    public static void commit(Path prepared, Path target) throws IOException {
        try {
            try {
                Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(prepared, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            discard(prepared);
            throw e;
        }
    }

    /**
     * Deletes the temporary files a killed run left in a folder (they may hold secrets, mode 0600). Only names this
     * class makes are touched: {@code .<target name>.<hex>.tmp}.
     *
     * @param folder the folder; nothing happens if it does not exist
     * @return how many files were deleted
     * @throws IOException if the folder cannot be listed
     */
    public static int deleteAbandoned(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                f -> ABANDONED.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * Removes a prepared or partly committed file, ignoring errors (used in cleanup paths).
     *
     * @param file the file to remove, may be null
     */
    public static void discard(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort in a cleanup path: the original error is what the user needs to see.
        }
    }

    static FileAttribute<?>[] permissions(boolean secret) {
        // Set at creation: a secret is never readable by others, not even before its content is complete.
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(secret ? OWNER_ONLY : WORLD_READABLE)}
                : new FileAttribute<?>[0];
    }
}
