package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The key types a CA or a device may use, with the signature algorithm a CA of that type signs with. */
public enum KeyAlgorithm {
    /** NIST P-256 (secp256r1), signing with SHA-256; the default: small, fast and accepted by AWS IoT. */
    EC_P256("EC", 256, "SHA256withECDSA"),
    /** NIST P-384 (secp384r1), signing with SHA-384. */
    EC_P384("EC", 384, "SHA384withECDSA"),
    /** RSA 2048 bits, signing with SHA-256; what the seed scripts used. */
    RSA_2048("RSA", 2048, "SHA256withRSA"),
    /** RSA 3072 bits, signing with SHA-384. */
    RSA_3072("RSA", 3072, "SHA384withRSA"),
    /** RSA 4096 bits, signing with SHA-384. */
    RSA_4096("RSA", 4096, "SHA384withRSA");

    private static final int MIN_RSA_BITS = 2048;

    private final String family;
    private final int size;
    private final String signatureAlgorithm;

    KeyAlgorithm(String family, int size, String signatureAlgorithm) {
        this.family = family;
        this.size = size;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** @return a fresh key pair of this type */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(family, Crypto.bc());
            if (isRsa()) {
                generator.initialize(size);
            } else {
                generator.initialize(new ECGenParameterSpec(curve()));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate " + this + " keys", e);
        }
    }

    /** @return the key size in bits (the modulus for RSA, the field for EC) */
    public int size() {
        return size;
    }

    /** @return the standard name of the EC curve, e.g. {@code secp256r1}; only meaningful for the EC types */
    public String curve() {
        return size == 256 ? "secp256r1" : "secp384r1";
    }

    /** @return true for the RSA types (whose device certificates also allow keyEncipherment) */
    public boolean isRsa() {
        return "RSA".equals(family);
    }

    /** @return the JCA signature algorithm a CA with a key of this type signs with, e.g. {@code SHA256withECDSA} */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * @param key a public key
     * @return the matching type, or empty for a key size or curve this plugin does not issue
     */
    public static Optional<KeyAlgorithm> of(PublicKey key) {
        int bits;
        if (key instanceof RSAPublicKey rsa) {
            bits = rsa.getModulus().bitLength();
        } else if (key instanceof ECPublicKey ec) {
            bits = ec.getParams().getCurve().getField().getFieldSize();
        } else {
            return Optional.empty();
        }
        String keyFamily = Crypto.family(key);
        return Arrays.stream(values()).filter(a -> a.family.equals(keyFamily) && a.size == bits).findFirst();
    }

    /**
     * Parses a user-supplied name, forgiving case and dashes ({@code ec-p256}, {@code RSA_2048}).
     *
     * @param name the name as typed
     * @param source where the name came from (a parameter name), for the error message
     * @return the algorithm
     * @throws InvalidInputException naming the accepted values
     */
    public static KeyAlgorithm parse(String name, String source) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.name().equals(normalized)) {
                return algorithm;
            }
        }
        throw new InvalidInputException(source + " has the unknown key algorithm '" + name + "'; use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /**
     * Refuses what AWS IoT refuses to register: RSA keys shorter than 2048 bits.
     *
     * @param key    a CA or device public key
     * @param source the certificate or CSR it came from, for the message
     * @param fix    what to do instead, for the message
     * @throws InvalidInputException naming the source, the key size and the fix
     */
    public static void requireAcceptedByAwsIot(SubjectPublicKeyInfo key, String source, String fix) {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm())) {
            return;
        }
        int bits;
        try {
            bits = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(source + " holds an RSA public key that cannot be read; " + fix, e);
        }
        if (bits < MIN_RSA_BITS) {
            throw new InvalidInputException(source + " has a " + bits + "-bit RSA key; AWS IoT accepts RSA keys of "
                    + MIN_RSA_BITS + " bits or more (and EC P-256/P-384); " + fix);
        }
    }
}
