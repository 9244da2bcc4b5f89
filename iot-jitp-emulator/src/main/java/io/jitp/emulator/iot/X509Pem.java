package io.jitp.emulator.iot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

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
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw IotException.certificateValidation("The certificate is not a valid PEM X.509 certificate: "
                    + e.getMessage());
        }
    }

    /**
     * @param certificate a certificate
     * @return its AWS certificate id: lowercase hex SHA-256 of the DER encoding
     */
    static String id(X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint certificate", e);
        }
    }

    /** @param certificate a certificate @return it in PEM */
    static String toPem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded", e);
        }
    }
}
