package io.jitp.emulator;

import io.jitp.core.pki.KeyAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Key pairs for the stand-in's own root CA and the broker's server certificate, made by the JDK (SunEC). The core
 * makes its keys through BouncyCastle, whose provider set-up loads some 800 classes from a signed jar (half a
 * second of a fresh JVM's start); the stand-in makes two keys at most per start, where that speed buys nothing.
 */
public final class JdkKeys {
    private JdkKeys() {
    }

    /** @return a new EC P-256 key pair, the type of {@link KeyAlgorithm#EC_P256} */
    public static KeyPair ecP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(KeyAlgorithm.EC_P256.curve()));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate EC P-256 keys", e);
        }
    }
}
