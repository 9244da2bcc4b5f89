package io.jitp.core.pki;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real tmpfs of a few hundred KiB, to see what the code does when a disk fills up. Mounting needs root with
 * CAP_SYS_ADMIN; where that is missing the test is skipped with a visible notice rather than passing silently.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /**
     * @param mountPoint an empty folder
     * @param kibibytes  the size of the disk
     * @return the mounted disk; the calling test is skipped if mounting is not permitted here
     */
    public static SmallDisk mount(Path mountPoint, int kibibytes) throws Exception {
        Files.createDirectories(mountPoint);
        int exit = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kibibytes + "k,mode=0700", "tmpfs",
                mountPoint.toString()));
        Assumptions.assumeTrue(exit == 0, "SKIPPED: cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN;"
                + " mount exited " + exit + "), so the disk-full behaviour is not tested on this machine");
        return new SmallDisk(mountPoint);
    }

    /** @return the root of the disk */
    public Path root() {
        return mountPoint;
    }

    /**
     * Fills the disk until the last byte.
     *
     * @return the filler file; deleting it frees the space again
     */
    public Path fill() throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        // The loop wrote whole blocks; the last partial page may still hold a few bytes: take them too.
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 4096; i++) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // full to the byte
        }
        return filler;
    }

    @Override
    public void close() throws Exception {
        run(List.of("umount", mountPoint.toString()));
    }

    private static int run(List<String> command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
