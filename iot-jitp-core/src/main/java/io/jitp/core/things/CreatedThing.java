package io.jitp.core.things;

import java.nio.file.Path;

/**
 * What {@code create-thing} made.
 *
 * @param thingName       the thing
 * @param certificateId   its new certificate (ACTIVE)
 * @param certificateArn  the certificate ARN
 * @param policyName      the per-thing policy attached to the certificate
 * @param certificateFile the certificate PEM
 * @param publicKeyFile   the public key PEM
 * @param privateKeyFile  the private key PEM (0600)
 */
public record CreatedThing(String thingName, String certificateId, String certificateArn, String policyName,
                           Path certificateFile, Path publicKeyFile, Path privateKeyFile) {
}
