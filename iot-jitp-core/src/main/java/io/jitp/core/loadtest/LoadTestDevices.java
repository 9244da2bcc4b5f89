package io.jitp.core.loadtest;

import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceRequest;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code -setup}: a certificate per device ({@code pub0…}, {@code sub0…}, {@code collector0}) through
 * the core's batch issuance, which writes each device atomically and keeps devices from an earlier run (the seed's
 * parallel openssl calls raced on the CA serial file and left broken certificates). EC P-256 keys: a TLS handshake
 * with them costs a fraction of RSA's, which matters when thousands connect at once.
 */
public final class LoadTestDevices {
    /** Validity of load-test device certificates. */
    static final int VALIDITY_DAYS = 365;

    private LoadTestDevices() {
    }

    /**
     * @param plan    the plan; only the devices of its shard are issued
     * @param subject subject attributes besides the CN (the seed used C=ES, O=12345)
     * @return the requests for this shard's devices
     */
    public static List<DeviceRequest> requests(LoadTestPlan plan, SubjectProfile subject) {
        List<String> ids = new ArrayList<>();
        if (plan.runsCollector()) {
            ids.add(DeviceRole.COLLECTOR.id(0));
        }
        ids.addAll(plan.localSubscribers());
        ids.addAll(plan.localPublishers());
        return ids.stream().map(id -> DeviceRequest.generated(id, subject)).toList();
    }

    /**
     * Issues this shard's missing devices and keeps the others.
     *
     * @param ca       the load-test CA (registered with AWS IoT with a JITP template attaching LoadTestPolicy)
     * @param folder   the devices folder
     * @param plan     the plan
     * @param subject  subject attributes besides the CN
     * @param reporter progress
     * @return what was issued and kept
     * @throws IOException if the files cannot be written
     */
    public static BatchResult ensure(CertificateAuthority ca, Path folder, LoadTestPlan plan, SubjectProfile subject,
                                     Reporter reporter) throws IOException {
        return new DeviceBatch(ca, BatchOptions.onAllCores(folder, KeyAlgorithm.EC_P256, VALIDITY_DAYS, false),
                reporter).run(requests(plan, subject));
    }
}
