import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.pki.CaCredentials;
import io.jitp.core.pki.CaKeyReference;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.NewCa;
import io.jitp.core.pki.Pkcs11Slot;
import io.jitp.core.pki.Requester;
import io.jitp.core.pki.SubjectProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What signing in a PKCS#11 token costs the provision-devices batch: the same batch (EC P-256 device keys, all cores,
 * audit log on) with a key-file CA and with a token CA of the same type, alternating ROUNDS times so that both see
 * the same load; prints both rates and the ratio. The PIN comes from the environment variable BENCH_PIN.
 * Usage: java -cp ... bench/TokenCaBench.java LIBRARY SLOT_ID CA_ALGORITHM COUNT ROUNDS WORKDIR
 */
public final class TokenCaBench {
    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[0]);
        long slot = Long.parseLong(args[1]);
        KeyAlgorithm algorithm = KeyAlgorithm.valueOf(args[2]);
        int count = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Path work = Files.createDirectories(Path.of(args[5]));
        CaCredentials credentials = new CaCredentials(null, System.getenv("BENCH_PIN").toCharArray());
        Requester bench = Requester.current("bench");
        CaStore fileStore = new CaStore(work.resolve("file-ca"), "root");
        CaStore tokenStore = new CaStore(work.resolve("token-ca"), "root");
        SubjectProfile subject = SubjectProfile.ofCommonName("root");
        fileStore.createOrReuse(new NewCa(subject, algorithm, 30, null), credentials, false, bench, Reporter.silent());
        tokenStore.createOrReuse(new NewCa(subject, algorithm, 30, new CaKeyReference(new Pkcs11Slot(library, slot, 0),
                "bench-root")), credentials, true, bench, Reporter.silent());
        CertificateAuthority file = fileStore.load(credentials, bench, Reporter.silent());
        CertificateAuthority token = tokenStore.load(credentials, bench, Reporter.silent());
        rate(file, count / 5, work.resolve("warmup-file"));
        rate(token, count / 5, work.resolve("warmup-token"));
        double withFile = 0;
        double withToken = 0;
        for (int round = 0; round < rounds; round++) {
            withFile += rate(file, count, work.resolve("file-" + round));
            withToken += rate(token, count, work.resolve("token-" + round));
        }
        System.out.printf(Locale.ROOT, "%s CA: key file %.0f devices/s, PKCS#11 token %.0f devices/s, ratio %.3f%n",
                algorithm, withFile / rounds, withToken / rounds, withToken / withFile);
    }

    private static double rate(CertificateAuthority ca, int count, Path folder) throws Exception {
        return new DeviceBatch(ca, BatchOptions.onAllCores(folder, KeyAlgorithm.EC_P256, 500, false),
                Reporter.silent()).run(DeviceSources.numbered("device-", count, SubjectProfile.empty()))
                .devicesPerSecond();
    }
}
