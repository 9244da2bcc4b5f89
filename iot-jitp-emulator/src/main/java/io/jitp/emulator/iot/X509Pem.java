package io.jitp.emulator.iot;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.Pem;
import java.security.cert.X509Certificate;

/** PEM text to certificates, failing with the AWS error a malformed certificate gets. */
final class X509Pem {
    private X509Pem() {
    }

    /**
     * @param pem one or more PEM certificates; the first is returned
     * @return the certificate
     * @throws IotException CertificateValidationException if it is not a certificate
     */
    static X509Certificate parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw IotException.certificateValidation("The certificate PEM is empty.");
        }
        try {
            return Pem.parseCertificates(pem, "the certificate PEM").get(0);
        } catch (InvalidInputException e) {
            throw IotException.certificateValidation("The certificate is not a valid PEM X.509 certificate: "
                    + e.getMessage());
        }
    }
}
