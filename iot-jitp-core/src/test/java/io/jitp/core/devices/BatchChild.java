package io.jitp.core.devices;

import io.jitp.core.Reporter;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.nio.file.Path;

/**
 * A device batch in a process of its own, so that {@link BatchCrashResumeTest} can kill it with SIGKILL mid-way.
 * Arguments: CA folder, CA name, devices folder, device count.
 */
public final class BatchChild {
    private BatchChild() {
    }

    /** @param args CA folder, CA name, devices folder, device count */
    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args[1], Path.of(args[2]), Integer.parseInt(args[3]));
    }

    /** The batch both the child and the resuming parent run. */
    static BatchResult run(Path caFolder, String caName, Path devices, int count) throws Exception {
        return new DeviceBatch(new CaStore(caFolder, caName).load(null),
                new BatchOptions(devices, KeyAlgorithm.EC_P256, 30, 2, false), Reporter.silent())
                .run(DeviceSources.numbered("dev-", count, SubjectProfile.empty()));
    }
}
