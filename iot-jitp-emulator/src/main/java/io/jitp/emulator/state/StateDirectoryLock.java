package io.jitp.emulator.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Guarantees one stand-in per state directory: two processes writing the same state files would lose updates.
 * The lock is an OS file lock, so it disappears with the process even when it is killed.
 */
public final class StateDirectoryLock implements AutoCloseable {
    /** Name of the lock file inside the state directory. */
    public static final String LOCK_FILE = "emulator.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @param stateDirectory the state directory
     * @return the held lock; close it to release
     * @throws IOException if another stand-in holds it, naming the directory
     */
    public static StateDirectoryLock acquire(Path stateDirectory) throws IOException {
        createDirectory(stateDirectory);
        Path lockFile = stateDirectory.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Another stand-in is already running on state directory "
                    + stateDirectory.toAbsolutePath() + " (it holds " + lockFile.getFileName()
                    + "). Stop it, or choose another state directory with --state-dir.");
        }
        return new StateDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void createDirectory(Path stateDirectory) throws IOException {
        Path absolute = stateDirectory.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException("State directory " + absolute + " is a file, not a directory; remove it, or "
                    + "choose another state directory with --state-dir");
        }
        try {
            Files.createDirectories(absolute);
        } catch (FileSystemException e) {
            throw new IOException("Cannot create the state directory " + absolute + " ("
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName())
                    + (e.getFile() != null && !e.getFile().equals(absolute.toString()) ? ": " + e.getFile() : "")
                    + "); choose another state directory with --state-dir", e);
        }
    }
}
