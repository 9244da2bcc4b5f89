package io.jitp.emulator.iot;

/**
 * Told about registry changes after they are stored, outside the registry's lock (a listener may call back into
 * the registry). The broker uses it to drop connections of certificates that are no longer ACTIVE.
 */
public interface RegistryListener {
    /** @param certificate the certificate with its new status */
    default void certificateStatusChanged(Certificate certificate) {
    }

    /** @param certificateId the deleted certificate's id */
    default void certificateDeleted(String certificateId) {
    }

    /** @param caCertificate the CA after its change (status, auto-registration, registration config) */
    default void caCertificateChanged(CaCertificate caCertificate) {
    }

    /** @param policyName a policy whose document in force changed, or which was deleted */
    default void policyChanged(String policyName) {
    }

    /**
     * @param policyName the policy attached or detached
     * @param targetArn the target it was attached to or detached from
     */
    default void policyAttachmentChanged(String policyName, String targetArn) {
    }

    /**
     * @param thingName the thing
     * @param principalArn the principal attached to it or detached from it
     */
    default void thingPrincipalChanged(String thingName, String principalArn) {
    }

    /** @param thingName a thing created, updated or deleted */
    default void thingChanged(String thingName) {
    }

    /** Called when a topic rule is created, replaced, enabled, disabled or deleted. */
    default void topicRulesChanged() {
    }
}
