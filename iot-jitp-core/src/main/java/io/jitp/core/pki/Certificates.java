package io.jitp.core.pki;

import org.bouncycastle.asn1.x500.X500Name;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/** Small read-only views of certificates shared by reports and messages. */
public final class Certificates {
    private Certificates() {
    }

    /**
     * @param certificate a certificate
     * @param issuerKey   the public key of the supposed issuer
     * @return true if the certificate's signature verifies with that key (through the fast EC code, as reruns check
     *         every existing device)
     */
    public static boolean isSignedBy(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey, Crypto.bc());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param certificate a certificate
     * @return its subject in encoding order, as openssl prints it ({@code C=ES,O=12345,CN=dev-0})
     */
    public static String subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }
}
