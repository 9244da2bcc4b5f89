import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.IssuanceLog;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Requester;
import io.jitp.core.pki.SubjectProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the CA audit log costs a batch: the provision-devices batch (EC P-256 devices, all cores) with and without
 * {@link IssuanceLog}, alternating ROUNDS times so that both see the same machine load; prints both rates and ratio.
 * Usage: java -cp ... bench/AuditLogBench.java COUNT ROUNDS WORKDIR
 */
public final class AuditLogBench {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        CertificateAuthority plain = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 1024);
        CertificateAuthority audited = plain.withAudit(new IssuanceLog(work.resolve("root.issued.log"),
                Requester.current("bench")));
        rate(plain, count / 5, work.resolve("warmup"));
        double without = 0;
        double with = 0;
        for (int round = 0; round < rounds; round++) {
            without += rate(plain, count, work.resolve("plain-" + round));
            with += rate(audited, count, work.resolve("audited-" + round));
        }
        System.out.printf(Locale.ROOT, "without audit %.0f devices/s, with audit %.0f devices/s, ratio %.3f%n",
                without / rounds, with / rounds, with / without);
    }

    private static double rate(CertificateAuthority ca, int count, Path folder) throws Exception {
        return new DeviceBatch(ca, BatchOptions.onAllCores(folder, KeyAlgorithm.EC_P256, 500, false),
                Reporter.silent()).run(DeviceSources.numbered("device-", count, SubjectProfile.empty()))
                .devicesPerSecond();
    }
}
