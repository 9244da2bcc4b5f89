package io.jitp.core.pki;

import io.jitp.core.Reporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks, when a CA is loaded, that only its owner can reach it: the key file no looser than 0600, the CA folder no
 * looser than 0700. A looser mode is a warning naming the file, its mode and the {@code chmod} that fixes it (not an
 * error: the CA still works, and the owner may have reasons, e.g. a group-managed HSM reference).
 */
final class CaFileModes {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private CaFileModes() {
    }

    /**
     * @param directory the CA folder (wanted 0700)
     * @param keyFile   the CA key file (wanted 0600), or null when the key is in a token
     * @param reporter  receives one warning per file that others can reach
     * @throws IOException if the modes cannot be read
     */
    static void check(Path directory, Path keyFile, Reporter reporter) throws IOException {
        warnIfLoose(directory, "CA folder", "700", reporter);
        if (keyFile != null) {
            warnIfLoose(keyFile, "CA key", "600", reporter);
        }
    }

    private static void warnIfLoose(Path file, String what, String wanted, Reporter reporter) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            reporter.warn(what + " " + file + " has mode " + octal(permissions)
                    + ", so other users can reach it; restrict it with: chmod " + wanted + " " + file);
        }
    }

    /**
     * @param permissions POSIX permissions
     * @return them as {@code chmod} writes them, e.g. {@code 0644}
     */
    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // The enum runs OWNER_READ .. OTHERS_EXECUTE, i.e. from bit 8 down to bit 0.
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("0%03o", mode);
    }
}
