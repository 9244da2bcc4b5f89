package io.jitp.emulator.iot;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A registered device (or client) certificate.
 *
 * @param id lowercase hex SHA-256 of the DER encoding
 * @param arn {@code arn:aws:iot:<region>:<account>:cert/<id>}
 * @param pem the certificate in PEM
 * @param status its status
 * @param caCertificateId the registered CA that signed it, or null (registered without CA, or the stand-in's own)
 * @param certificateMode DEFAULT or SNI_ONLY
 * @param creationDate when it was registered
 * @param lastModifiedDate when it last changed
 * @param customerVersion incremented on each update, starting at 1
 * @param generationId changes on each update
 */
public record Certificate(String id, String arn, String pem, CertificateStatus status, String caCertificateId,
        CertificateMode certificateMode, Instant creationDate, Instant lastModifiedDate, int customerVersion,
        String generationId) {

    /** @return the parsed certificate */
    public X509Certificate x509() {
        return X509Pem.parse(pem);
    }

    /** @return whether it is ACTIVE */
    public boolean isActive() {
        return status == CertificateStatus.ACTIVE;
    }
}
