package io.jitp.core.pki;

import java.security.cert.X509Certificate;

/**
 * Receives every certificate a {@link CertificateAuthority} issues, before the certificate is handed to the caller. An
 * implementation that cannot record throws (an unchecked exception), and the certificate is then not handed out.
 */
@FunctionalInterface
public interface IssuanceAudit {
    /** Records nothing: for CAs that live only in memory (tests, the stand-in's own CA). */
    IssuanceAudit NONE = (certificate, issuer) -> {
    };

    /**
     * @param certificate the certificate just issued
     * @param issuer      the certificate of the CA that issued it
     */
    void issued(X509Certificate certificate, X509Certificate issuer);
}
