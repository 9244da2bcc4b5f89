package io.jitp.core.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** Checks that a private key belongs to a public key (a CA key to its certificate, a device key to its cert). */
public final class KeyPairs {
    private static final byte[] CHALLENGE = "iot-jitp key check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /**
     * @param publicKey  the public key (e.g. from a certificate)
     * @param privateKey the private key
     * @return true if the private key signs what the public key verifies
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        return matches(publicKey, privateKey, Crypto.forKey(privateKey));
    }

    /**
     * @param publicKey  the public key (e.g. from a certificate)
     * @param privateKey the private key, possibly a handle into a token
     * @param signer     the provider that signs with the private key, or null for the JDK default (which then also
     *                   verifies)
     * @return true if the private key signs what the public key verifies
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey, Provider signer) {
        if (!Crypto.family(publicKey).equals(Crypto.family(privateKey))) {
            return false;
        }
        // RSA CRT keys carry the public half: compare it instead of an expensive RSA signature.
        if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus()) && rsa.getPublicExponent().equals(crt.getPublicExponent());
        }
        try {
            String algorithm = "RSA".equals(Crypto.family(publicKey)) ? "SHA256withRSA" : "SHA256withECDSA";
            Signature signing = signer == null ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, signer);
            signing.initSign(privateKey);
            signing.update(CHALLENGE);
            byte[] signature = signing.sign();
            // A key signing through the JDK is checked through the JDK alone: no BouncyCastle set-up for one check.
            Provider provider = signer == null ? null : Crypto.forKey(publicKey);
            Signature verifier = provider == null ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, provider);
            verifier.initVerify(publicKey);
            verifier.update(CHALLENGE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
