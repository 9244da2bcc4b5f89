package io.jitp.emulator.iot;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

/**
 * A registered CA certificate.
 *
 * @param id lowercase hex SHA-256 of the DER encoding
 * @param arn {@code arn:aws:iot:<region>:<account>:cacert/<id>}
 * @param pem the certificate in PEM
 * @param status ACTIVE or INACTIVE
 * @param autoRegistrationStatus whether JITP/JITR applies to device certificates it signed
 * @param registrationConfig the JITP template and role, or null
 * @param certificateMode DEFAULT or SNI_ONLY
 * @param creationDate when it was registered
 * @param lastModifiedDate when it last changed
 * @param customerVersion incremented on each update, starting at 1
 * @param generationId changes on each update
 * @param tags resource tags
 */
public record CaCertificate(String id, String arn, String pem, CaCertificateStatus status,
        AutoRegistrationStatus autoRegistrationStatus, RegistrationConfig registrationConfig,
        CertificateMode certificateMode, Instant creationDate, Instant lastModifiedDate, int customerVersion,
        String generationId, Map<String, String> tags) {

    /** @return the parsed certificate */
    public X509Certificate x509() {
        return X509Pem.parse(pem);
    }

    /** @return whether it is ACTIVE */
    public boolean isActive() {
        return status == CaCertificateStatus.ACTIVE;
    }
}
