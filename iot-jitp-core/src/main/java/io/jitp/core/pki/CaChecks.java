package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;

/** The checks a loaded CA must pass before it issues anything, each failure saying what to do. */
final class CaChecks {
    private CaChecks() {
    }

    /**
     * @param certificate the CA certificate
     * @param privateKey  its private key
     * @param signer      the provider that signs with the key (a token's), or null for the JDK default
     * @param source      where the pair came from (file names), for error messages
     * @throws InvalidInputException if it is not a CA, may not sign certificates, is not valid now, or the key does
     *                               not belong to the certificate
     */
    static void requireUsable(X509Certificate certificate, PrivateKey privateKey, Provider signer, String source) {
        if (certificate.getBasicConstraints() < 0) {
            throw new InvalidInputException(source + " is not a CA certificate (basicConstraints CA:TRUE is missing);"
                    + " use a CA certificate, or create one with mvn iot:create-ca");
        }
        KeyAlgorithm.requireAcceptedByAwsIot(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()),
                source, "create a new CA with mvn iot:create-ca -Diot.force=true (EC_P256 by default)");
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[5]) {
            throw new InvalidInputException(source + " is a CA certificate whose keyUsage does not allow"
                    + " keyCertSign; use a CA certificate that may sign certificates");
        }
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new InvalidInputException(source + " expired on " + certificate.getNotAfter().toInstant()
                    + "; create a new CA (mvn iot:create-ca -Diot.force=true) and re-register it", e);
        } catch (CertificateNotYetValidException e) {
            throw new InvalidInputException(source + " is not valid before " + certificate.getNotBefore()
                    .toInstant() + "; check the system clock", e);
        }
        if (!KeyPairs.matches(certificate.getPublicKey(), privateKey, signer)) {
            throw new InvalidInputException(source + ": the private key does not belong to the CA certificate;"
                    + " put the key that was created with this certificate next to it");
        }
    }
}
