package io.jitp.core.things;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;

import java.util.List;
import java.util.function.Supplier;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The seed's {@code delete-thing}, in its order, for every certificate of the thing: detach its policies (the seed
 * detached {@code IoTAccess}; a certificate from {@code create-thing} has its own), set it INACTIVE, detach it from the
 * thing, delete it; then delete the thing, and the thing's own {@code create-thing} policy once nothing uses it.
 * AWS applies detachments eventually, so a delete refused as "still attached" is retried a few times.
 */
public final class ThingDeleter {
    private static final int ATTEMPTS = 5;
    private static final long RETRY_MILLIS = 1000;

    private final IotClient iot;
    private final Reporter reporter;

    /** @param iot the control plane @param reporter where steps are logged */
    public ThingDeleter(IotClient iot, Reporter reporter) {
        this.iot = iot;
        this.reporter = reporter;
    }

    /**
     * @param thingName the thing
     * @return the ids of the deleted certificates
     * @throws InvalidInputException if the thing does not exist
     */
    public List<String> delete(String thingName) {
        List<String> deleted = new ThingCertificates(iot).principals(thingName).stream()
                .filter(ThingCertificate::isCertificate)
                .map(arn -> {
                    removeCertificate(thingName, arn);
                    return ThingCertificate.idOf(arn);
                })
                .toList();
        retried(() -> iot.deleteThing(r -> r.thingName(thingName)));
        reporter.info("Deleted thing " + thingName);
        deleteOwnPolicy(thingName + ThingCreator.POLICY_SUFFIX);
        return deleted;
    }

    /**
     * Detaches the certificate's policies, deactivates it, detaches it from the thing and deletes it.
     *
     * @param thingName      the thing it is attached to
     * @param certificateArn the certificate
     */
    void removeCertificate(String thingName, String certificateArn) {
        String id = ThingCertificate.idOf(certificateArn);
        for (Policy policy : iot.listAttachedPoliciesPaginator(r -> r.target(certificateArn)).policies()) {
            iot.detachPolicy(r -> r.policyName(policy.policyName()).target(certificateArn));
            reporter.info("Detached policy " + policy.policyName() + " from certificate " + id);
        }
        try {
            iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        } catch (CertificateStateException e) {
            // REVOKED is final and already as inactive as it gets.
        }
        iot.detachThingPrincipal(r -> r.thingName(thingName).principal(certificateArn));
        retried(() -> iot.deleteCertificate(r -> r.certificateId(id)));
        reporter.info("Deleted certificate " + id);
    }

    private void deleteOwnPolicy(String policyName) {
        try {
            if (iot.listTargetsForPolicyPaginator(r -> r.policyName(policyName)).targets().stream().findAny()
                    .isEmpty()) {
                iot.deletePolicy(r -> r.policyName(policyName));
                reporter.info("Deleted policy " + policyName);
            }
        } catch (ResourceNotFoundException e) {
            // The thing came from JITP or elsewhere: it has no policy of its own.
        }
    }

    private static <T> T retried(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (DeleteConflictException | InvalidRequestException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
