package io.jitp.core.pki;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file that holds against both the threads of this JVM and other processes. A file lock alone
 * does not: the JVM holds it per process, and a second thread asking for it throws instead of waiting, so threads
 * queue on an in-process lock first (one per file, whatever path spells it).
 */
public final class ExclusiveFileLock {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private ExclusiveFileLock() {
    }

    /** Work done while the lock is held, on the locked file opened for appending. */
    @FunctionalInterface
    public interface LockedWork<T> {
        /**
         * @param channel the locked file, open for appending
         * @return the work's result
         * @throws IOException if the work fails
         */
        T run(FileChannel channel) throws IOException;
    }

    /**
     * Runs work holding the lock, waiting for other holders first.
     *
     * @param file    the lock file, created with mode 0600 if absent (its folder must exist)
     * @param waiting called once, before waiting, if another thread or process holds the lock; may be null
     * @param work    what to do under the lock
     * @param <T>     the work's result type
     * @return the work's result
     * @throws IOException if the file cannot be opened or locked, or the work fails
     */
    public static <T> T holding(Path file, Runnable waiting, LockedWork<T> work) throws IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(identity(file), f -> new ReentrantLock());
        if (!inProcess.tryLock()) {
            notify(waiting);
            inProcess.lock();
        }
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND), SecureFiles.permissions(true))) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                notify(waiting);
                lock = channel.lock();
            }
            try (FileLock ignored = lock) {
                return work.run(channel);
            }
        } finally {
            inProcess.unlock();
        }
    }

    private static void notify(Runnable waiting) {
        if (waiting != null) {
            waiting.run();
        }
    }

    private static Path identity(Path file) {
        // Two spellings of one folder (a symlink) must share a lock, or the second file lock throws instead of waiting.
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }
}
