package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyAlgorithmTest {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void generatesKeysOfTheNamedTypeAndSize(KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.generate();

        assertEquals(Optional.of(algorithm), KeyAlgorithm.of(keys.getPublic()));
        int bits = keys.getPublic() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : ((ECPublicKey) keys.getPublic()).getParams().getCurve().getField().getFieldSize();
        assertEquals(Integer.parseInt(algorithm.name().replaceAll("\\D", "")), bits);
        assertEquals(algorithm.isRsa(), "RSA".equals(keys.getPublic().getAlgorithm()));
    }

    @Test
    void parsesNamesForgivingCaseAndDashes() {
        assertEquals(KeyAlgorithm.EC_P384, KeyAlgorithm.parse("ec-p384", "iot.keyAlgorithm"));
        assertEquals(KeyAlgorithm.RSA_2048, KeyAlgorithm.parse(" RSA_2048 ", "iot.keyAlgorithm"));
    }

    @Test
    void unknownNameErrorNamesTheSourceAndTheChoices() {
        var e = assertThrows(InvalidInputException.class, () -> KeyAlgorithm.parse("dsa", "iot.keyAlgorithm"));
        assertTrue(e.getMessage().contains("iot.keyAlgorithm"), e.getMessage());
        assertTrue(e.getMessage().contains("EC_P256, EC_P384, RSA_2048, RSA_3072, RSA_4096"), e.getMessage());
    }

    @Test
    void signatureStrengthFollowsKeyStrength() {
        assertEquals("SHA256withECDSA", KeyAlgorithm.EC_P256.signatureAlgorithm());
        assertEquals("SHA384withECDSA", KeyAlgorithm.EC_P384.signatureAlgorithm());
        assertEquals("SHA256withRSA", KeyAlgorithm.RSA_2048.signatureAlgorithm());
        assertEquals("SHA384withRSA", KeyAlgorithm.RSA_4096.signatureAlgorithm());
    }
}
