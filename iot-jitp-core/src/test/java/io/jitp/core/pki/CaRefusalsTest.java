package io.jitp.core.pki;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * CAs that load but must not sign, beyond those of {@link CertificateAuthorityTest}: a key AWS IoT refuses and a CA
 * that is not valid yet.
 */
class CaRefusalsTest {
    @Test
    void anRsaKeyShorterThan2048BitsIsRefusedAsAwsIotRefusesIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Crypto.bc());
        generator.initialize(1024);
        KeyPair weak = generator.generateKeyPair();
        var certificate = TestCertificates.selfSigned(weak, "root", Instant.now(), Instant.now().plusSeconds(600),
                true, "SHA256withRSA");

        var e = assertThrows(InvalidInputException.class,
                () -> CertificateAuthority.of(certificate, weak.getPrivate(), "CA ca/root.ca.pem"));
        assertTrue(e.getMessage().startsWith("CA ca/root.ca.pem has a 1024-bit RSA key; AWS IoT accepts RSA keys of"
                + " 2048 bits or more"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn iot:create-ca -Diot.force=true"), e.getMessage());
    }

    @Test
    void aCaThatIsNotValidYetNamesItsStartAndTheClock() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        Instant start = Instant.now().plus(Duration.ofDays(2));
        var certificate = TestCertificates.selfSigned(keys, "root", start, start.plus(Duration.ofDays(10)), true);

        var e = assertThrows(InvalidInputException.class,
                () -> CertificateAuthority.of(certificate, keys.getPrivate(), "CA ca/root.ca.pem"));
        assertTrue(e.getMessage().startsWith("CA ca/root.ca.pem is not valid before ")
                && e.getMessage().endsWith("check the system clock"), e.getMessage());
    }
}
