package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A CA whose key lives in a PKCS#11 token: created there, and loaded as a handle that signs inside the token. */
final class TokenCa {
    private TokenCa() {
    }

    /**
     * Generates the CA key inside the token (sensitive, not extractable), self-signs the CA certificate with it and
     * stores both in the token under the reference's alias.
     *
     * @param reference    where to create the key
     * @param pin          the token PIN
     * @param subject      the CA subject
     * @param algorithm    the key type
     * @param validityDays the CA validity
     * @param replace      destroy a key already stored under the alias instead of refusing
     * @return the CA, signing through the token
     * @throws InvalidInputException if the alias is taken and {@code replace} is false
     */
    static CertificateAuthority create(CaKeyReference reference, char[] pin, SubjectProfile subject,
                                       KeyAlgorithm algorithm, int validityDays, boolean replace) {
        Pkcs11Token token = Pkcs11Token.open(reference.slot(), pin);
        if (token.contains(reference.alias())) {
            if (!replace) {
                throw new InvalidInputException("The " + reference.slot() + " already holds a key '"
                        + reference.alias() + "'; choose another iot.pkcs11.keyAlias, or destroy and replace it"
                        + " with -Diot.force=true");
            }
            token.delete(reference.alias());
        }
        KeyPair keys = token.generate(algorithm);
        CertificateAuthority created = CertificateAuthority.create(subject, keys, token.provider(), validityDays);
        token.store(reference.alias(), keys.getPrivate(), created.certificate());
        // The generated handle is a session object; sign from now on with the permanent copy.
        return load(token, reference, created.certificate(), "the new CA");
    }

    /**
     * @param reference   where the key is
     * @param pin         the token PIN
     * @param certificate the CA certificate (from the CA folder)
     * @param source      what is loaded, for error messages
     * @return the CA, checked (the token key must sign what the certificate's key verifies)
     */
    static CertificateAuthority load(CaKeyReference reference, char[] pin, X509Certificate certificate,
                                     String source) {
        return load(Pkcs11Token.open(reference.slot(), pin), reference, certificate, source);
    }

    private static CertificateAuthority load(Pkcs11Token token, CaKeyReference reference,
                                             X509Certificate certificate, String source) {
        return CertificateAuthority.of(certificate, token.privateKey(reference.alias()), token.provider(), source);
    }
}
