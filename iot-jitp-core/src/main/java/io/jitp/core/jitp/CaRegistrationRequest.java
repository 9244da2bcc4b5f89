package io.jitp.core.jitp;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.SubjectProfile;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What {@link CaRegistrar} registers.
 *
 * @param caCertificate the CA certificate
 * @param ca            the CA with its key, to sign the verification certificate; null in SNI_ONLY mode
 * @param sniOnly       register in SNI_ONLY mode (no proof of possession, no registration code)
 * @param template      the JITP template
 * @param roleArn       the role AWS IoT assumes to run the template
 * @param deviceSubject the subject attributes the build gives devices, checked against the template
 */
public record CaRegistrationRequest(X509Certificate caCertificate, CertificateAuthority ca, boolean sniOnly,
                                    ProvisioningTemplate template, String roleArn, SubjectProfile deviceSubject) {
    /** Checks that DEFAULT mode has the CA key. */
    public CaRegistrationRequest {
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(deviceSubject, "deviceSubject");
        if (!sniOnly && ca == null) {
            throw new IllegalArgumentException("DEFAULT mode needs the CA key for the verification certificate");
        }
    }
}
