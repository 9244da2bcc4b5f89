package io.jitp.core.pki;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Key;
import java.security.Provider;

/**
 * The crypto provider choice in one place. Key generation and signing are what a batch spends its time on:
 * BouncyCastle's EC code is several times faster than JDK 17's for P-256/P-384, and its RSA key generation about 10%
 * faster, so both go to BouncyCastle. The provider instance is used through explicit API calls and never registered
 * JVM-wide. It is created on first use only: its set-up loads some 800 classes from a signed jar (half a second in a
 * fresh JVM), which a caller that signs through the JDK (a CA created with the {@code null} provider, PEM encoding)
 * never pays.
 */
final class Crypto {
    private Crypto() {
    }

    /** @return the BouncyCastle provider instance shared by this package, created on the first call */
    static Provider bc() {
        return BouncyCastle.PROVIDER;
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
        return "EC".equals(family(key)) || "RSA".equals(family(key)) ? bc() : null;
    }

    /** Holds the provider, so that loading {@link Crypto} does not create it. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
