package io.jitp.emulator.iot;

import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The checks AWS makes before registering a CA: a usable CA certificate, and (in DEFAULT mode) proof that the
 * caller holds its private key — a verification certificate whose CN is the registration code, signed by it.
 */
final class CaVerification {
    private static final CaSignatures SIGNATURES = new CaSignatures();

    private CaVerification() {
    }

    /** @param ca the CA certificate @throws IotException CertificateValidationException if it cannot be a CA */
    static void checkCaCertificate(X509Certificate ca) {
        checkValidity(ca, "CA certificate");
        if (ca.getBasicConstraints() < 0) {
            throw IotException.certificateValidation(
                    "The CA certificate is not a CA: its basicConstraints extension lacks CA:TRUE");
        }
    }

    /**
     * @param verification the verification certificate
     * @param ca the CA it must be signed by
     * @param registrationCode the account's registration code, expected as its CN
     */
    static void checkVerificationCertificate(X509Certificate verification, X509Certificate ca,
            String registrationCode) {
        checkValidity(verification, "verification certificate");
        if (!signedBy(verification, ca)) {
            throw IotException.certificateValidation(
                    "The verification certificate is not signed by the CA certificate's private key");
        }
        String commonName = commonName(verification.getSubjectX500Principal());
        if (!registrationCode.equals(commonName)) {
            throw IotException.registrationCodeValidation("The verification certificate's common name ("
                    + commonName + ") is not the registration code of this account and region");
        }
    }

    /** @return whether {@code certificate} was issued by {@code issuer}: names match and the signature verifies */
    static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        // Every JITP first connection verifies one.
        return SIGNATURES.verifies(certificate, issuer.getPublicKey());
    }

    /** @param subject a distinguished name @return its (first) CN, or null */
    static String commonName(X500Principal subject) {
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    static void checkValidity(X509Certificate certificate, String what) {
        try {
            certificate.checkValidity();
        } catch (java.security.cert.CertificateExpiredException e) {
            throw IotException.certificateValidation("The " + what + " has expired");
        } catch (java.security.cert.CertificateNotYetValidException e) {
            throw IotException.certificateValidation("The " + what + " is not yet valid");
        }
    }
}
