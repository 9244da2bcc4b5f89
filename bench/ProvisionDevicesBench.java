import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the batch behind {@code mvn iot:provision-devices} (the same DeviceBatch the goal calls, files and manifest
 * included) for one key algorithm. Prints "devices/s=<rate>" as its last line for the calling script.
 * Usage: java -cp ... ProvisionDevicesBench.java ALGORITHM COUNT WORKDIR
 */
public final class ProvisionDevicesBench {
    public static void main(String[] args) throws Exception {
        KeyAlgorithm algorithm = KeyAlgorithm.valueOf(args[0]);
        int count = Integer.parseInt(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        CertificateAuthority ca = CertificateAuthority.create(
                new SubjectProfile("root", "LU", "Luxembourg", "Luxembourg", "AWS", "Demo", null, null),
                KeyAlgorithm.EC_P256, 1024);
        // Warm-up: let the JIT compile the issuing path, as it is in a long batch.
        run(ca, algorithm, Math.max(count / 10, 20), work.resolve("warmup"));
        BatchResult result = run(ca, algorithm, count, work.resolve("devices"));
        System.out.printf(Locale.ROOT, "devices/s=%.1f%n", result.devicesPerSecond());
    }

    private static BatchResult run(CertificateAuthority ca, KeyAlgorithm algorithm, int count, Path folder)
            throws Exception {
        return new DeviceBatch(ca, BatchOptions.onAllCores(folder, algorithm, 500, false), Reporter.silent())
                .run(DeviceSources.numbered("device-", count, SubjectProfile.empty()));
    }
}
