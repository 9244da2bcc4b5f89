package io.jitp.core.pki;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Key;
import java.security.Provider;

/**
 * The crypto provider choice in one place. Key generation and signing are what a batch spends its time on:
 * BouncyCastle's EC code is several times faster than JDK 17's for P-256/P-384, and its RSA key generation about 10%
 * faster, so both go to BouncyCastle. The provider instance is used through explicit API calls and never registered
 * JVM-wide.
 */
final class Crypto {
    /** The BouncyCastle provider instance shared by this package. */
    static final Provider BC = new BouncyCastleProvider();

    private Crypto() {
    }

    /**
     * @param key a key from any provider
     * @return {@code EC} or {@code RSA} (BouncyCastle names keys read from PEM {@code ECDSA})
     */
    static String family(Key key) {
        return "ECDSA".equals(key.getAlgorithm()) ? "EC" : key.getAlgorithm();
    }

    /**
     * @param key a key
     * @return the provider to sign with that key, or null for the JDK default
     */
    static Provider forKey(Key key) {
        return "EC".equals(family(key)) || "RSA".equals(family(key)) ? BC : null;
    }
}
