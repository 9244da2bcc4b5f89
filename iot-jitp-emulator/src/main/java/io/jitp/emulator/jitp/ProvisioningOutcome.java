package io.jitp.emulator.jitp;

import java.util.List;

/**
 * What running a provisioning template did: success, or the exact reason it failed (AWS hides it in CloudWatch;
 * the stand-in logs it, and the certificate stays PENDING_ACTIVATION).
 *
 * @param success     whether every resource was provisioned
 * @param reason      on failure, why; {@code null} on success
 * @param thingName   the thing provisioned, or {@code null}
 * @param policyNames the policies attached to the certificate
 * @param notes       things worth logging that did not fail provisioning (such as ignored thing groups)
 */
public record ProvisioningOutcome(boolean success, String reason, String thingName, List<String> policyNames,
                                  List<String> notes) {

    static ProvisioningOutcome failure(String reason) {
        return new ProvisioningOutcome(false, reason, null, List.of(), List.of());
    }
}
