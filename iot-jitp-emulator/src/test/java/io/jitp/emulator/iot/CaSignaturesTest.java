package io.jitp.emulator.iot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.TestPki;
import io.jitp.emulator.testing.TestPki.Issued;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class CaSignaturesTest {
    private final CaSignatures signatures = new CaSignatures();

    @Test
    void anEcCaVerifiesEveryCertificateItSignedAndNoneItDidNot() {
        Issued ca = TestPki.ca("CN=root");
        Issued impostor = TestPki.ca("CN=root");
        for (int i = 0; i < 3; i++) {
            // The second and later verifications reuse the CA key's converted form.
            assertTrue(signatures.verifies(TestPki.leaf(ca, "CN=device-" + i).certificate(), key(ca)));
            assertFalse(signatures.verifies(TestPki.leaf(impostor, "CN=other-" + i).certificate(), key(ca)));
        }
        assertTrue(signatures.verifies(TestPki.leaf(impostor, "CN=other").certificate(), key(impostor)));
    }

    @Test
    void aCertificateWhoseSignatureOrContentWasAlteredIsRefused() throws Exception {
        Issued ca = TestPki.ca("CN=root");
        byte[] der = TestPki.leaf(ca, "CN=device").certificate().getEncoded();
        byte[] lastSignatureByte = der.clone();
        lastSignatureByte[der.length - 1] ^= 1;
        assertFalse(signatures.verifies(parse(lastSignatureByte), key(ca)));
        byte[] subject = der.clone();
        int at = indexOf(der, "device".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        subject[at] = 'D';
        assertFalse(signatures.verifies(parse(subject), key(ca)));
    }

    @Test
    void otherCurvesDigestsAndRsaCasAreVerifiedToo() throws Exception {
        KeyPair p384 = keyPair("EC", new ECGenParameterSpec("secp384r1"));
        for (String algorithm : new String[] {"SHA384withECDSA", "SHA512withECDSA", "SHA256withECDSA"}) {
            X509Certificate leaf = TestPki.build(new X500Name("CN=root384"), "CN=device", TestPki.keyPair().getPublic(),
                    p384.getPrivate(), false, Duration.ofDays(1), algorithm);
            assertTrue(signatures.verifies(leaf, p384.getPublic()), algorithm);
            assertFalse(signatures.verifies(leaf, TestPki.keyPair().getPublic()), algorithm);
        }
        KeyPair rsa = keyPair("RSA", null);
        X509Certificate byRsa = TestPki.build(new X500Name("CN=rsa"), "CN=device", TestPki.keyPair().getPublic(),
                rsa.getPrivate(), false, Duration.ofDays(1));
        assertTrue(signatures.verifies(byRsa, rsa.getPublic()));
        assertFalse(signatures.verifies(byRsa, p384.getPublic()));
        assertFalse(signatures.verifies(TestPki.leaf(TestPki.ca("CN=ec"), "CN=device").certificate(),
                rsa.getPublic()));
    }

    private static java.security.PublicKey key(Issued ca) {
        return ca.certificate().getPublicKey();
    }

    private static KeyPair keyPair(String algorithm, ECGenParameterSpec curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(curve);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
