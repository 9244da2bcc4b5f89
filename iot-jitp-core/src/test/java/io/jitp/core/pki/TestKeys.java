package io.jitp.core.pki;

import java.security.KeyPair;
import java.util.EnumMap;
import java.util.Map;

/** One key pair per algorithm for the whole test run: RSA 4096 generation takes seconds, so tests share them. */
final class TestKeys {
    private static final Map<KeyAlgorithm, KeyPair> KEYS = new EnumMap<>(KeyAlgorithm.class);

    private TestKeys() {
    }

    static synchronized KeyPair of(KeyAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, KeyAlgorithm::generate);
    }
}
