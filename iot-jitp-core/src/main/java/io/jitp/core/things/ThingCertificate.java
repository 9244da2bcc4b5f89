package io.jitp.core.things;

/**
 * A certificate attached to a thing, as the management goals list it.
 *
 * @param thingName      the thing
 * @param certificateId  the certificate id
 * @param certificateArn the certificate ARN (the thing's principal)
 * @param status         its status, e.g. {@code ACTIVE}
 */
public record ThingCertificate(String thingName, String certificateId, String certificateArn, String status) {
    /** The ARN of an IoT certificate ends with {@code cert/<id>}. */
    private static final String CERT_MARKER = ":cert/";

    /**
     * @param principal a thing principal
     * @return true if it is an X.509 certificate (a thing may also have Cognito identities or IAM users attached)
     */
    static boolean isCertificate(String principal) {
        return principal.contains(CERT_MARKER);
    }

    /** @param certificateArn a certificate ARN @return its certificate id */
    static String idOf(String certificateArn) {
        return certificateArn.substring(certificateArn.lastIndexOf(CERT_MARKER) + CERT_MARKER.length());
    }

    /** @param newStatus the status after a change @return this certificate with that status */
    ThingCertificate withStatus(String newStatus) {
        return new ThingCertificate(thingName, certificateId, certificateArn, newStatus);
    }
}
