package io.jitp.core.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** AWS IoT names a certificate by the lowercase hex SHA-256 of its DER encoding; so do we, everywhere. */
public final class CertificateIds {
    private CertificateIds() {
    }

    /**
     * @param certificate a certificate
     * @return its 64-character certificate id
     */
    public static String of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be DER-encoded", e);
        }
    }

    /**
     * @param der a DER-encoded certificate
     * @return its 64-character certificate id
     */
    public static String of(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
