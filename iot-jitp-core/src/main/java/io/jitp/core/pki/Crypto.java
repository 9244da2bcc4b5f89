package io.jitp.core.pki;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Key;
import java.security.Provider;

/**
 * The crypto provider choice in one place. BouncyCastle's EC code is several times faster than the JDK 17 one for
 * P-256/P-384 key generation and signing (what a batch spends its time on), so EC work goes to BouncyCastle; RSA stays
 * with the JDK. The provider instance is used through explicit API calls and never registered JVM-wide.
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
        return "EC".equals(family(key)) ? BC : null;
    }
}
