package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsKeysTest {
    private static final String EC_PARAMETERS = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
            + "-----END EC PARAMETERS-----\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void theCoresPkcs8KeysAreReadAsJdkKeysOfTheSameValue(KeyAlgorithm algorithm) throws Exception {
        KeyPair keys = TestKeys.of(algorithm);
        Path file = write("d.key", Pem.encode(keys.getPrivate()));

        assertJdkKeyOf(keys, algorithm, TlsKeys.readPrivateKey(file, null));
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048"})
    void opensslTraditionalKeysAreReadAsJdkKeys(KeyAlgorithm algorithm) throws Exception {
        KeyPair keys = TestKeys.of(algorithm);
        String traditional = traditional(keys.getPrivate());
        assertTrue(traditional.startsWith(algorithm.name().startsWith("EC") ? "-----BEGIN EC PRIVATE KEY-----"
                : "-----BEGIN RSA PRIVATE KEY-----"), traditional.lines().findFirst().orElseThrow());
        String pem = algorithm == KeyAlgorithm.EC_P256 ? EC_PARAMETERS + traditional : traditional;

        assertJdkKeyOf(keys, algorithm, TlsKeys.readPrivateKey(write("d.key", pem), null));
    }

    @Test
    void ecParametersBeforeAPkcs8KeyAreSkipped() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        Path file = write("d.key", EC_PARAMETERS + Pem.encode(keys.getPrivate()));

        assertJdkKeyOf(keys, KeyAlgorithm.EC_P256, TlsKeys.readPrivateKey(file, null));
    }

    @Test
    void anEncryptedKeyStillNeedsItsPassword() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        Path file = write("d.key", Pem.encodeEncrypted(keys.getPrivate(), "s3cret".toCharArray()));

        assertJdkKeyOf(keys, KeyAlgorithm.EC_P256, TlsKeys.readPrivateKey(file, "s3cret".toCharArray()));
        var missing = assertThrows(KeyPasswordRequiredException.class, () -> TlsKeys.readPrivateKey(file, null));
        assertTrue(missing.getMessage().contains(file + " is encrypted but no password was given"));
        var wrong = assertThrows(KeyPasswordRequiredException.class,
                () -> TlsKeys.readPrivateKey(file, "guess".toCharArray()));
        assertTrue(wrong.getMessage().contains("the password is wrong"));
    }

    @Test
    void aCorruptKeyIsReportedAsPemReportsIt() throws Exception {
        String[] lines = Pem.encode(TestKeys.of(KeyAlgorithm.EC_P256).getPrivate()).split("\n");
        lines[1] = lines[1].substring(0, 10) + "AAAA" + lines[1].substring(14);
        Path file = write("d.key", String.join("\n", lines));

        var e = assertThrows(InvalidInputException.class, () -> TlsKeys.readPrivateKey(file, null));
        assertTrue(e.getMessage().startsWith(file + " does not hold a valid PEM private key"), e.getMessage());
    }

    @Test
    void aCertificateWhereTheKeyBelongsIsNamed() throws Exception {
        Path file = write("d.key", Pem.encode(chain().get(0)));

        var e = assertThrows(InvalidInputException.class, () -> TlsKeys.readPrivateKey(file, null));
        assertTrue(e.getMessage().contains("holds a PEM CERTIFICATE block where a private key is expected"),
                e.getMessage());
    }

    @Test
    void certificateChainsAreReadInFileOrder() throws Exception {
        List<X509Certificate> chain = chain();
        Path file = write("d.crt", Pem.encode(chain.get(0)) + Pem.encode(chain.get(1)));

        assertEquals(chain, TlsKeys.readCertificates(file));
    }

    @Test
    void otherBlocksAmongCertificatesAreSkippedAsPemSkipsThem() throws Exception {
        List<X509Certificate> chain = chain();
        Path file = write("d.crt", Pem.encode(chain.get(0)) + Pem.encode(TestKeys.of(KeyAlgorithm.EC_P256)
                .getPrivate()) + Pem.encode(chain.get(1)));

        assertEquals(chain, TlsKeys.readCertificates(file));
    }

    @Test
    void aKeyWhereTheCertificateBelongsIsNamed() throws Exception {
        Path file = write("d.crt", Pem.encode(TestKeys.of(KeyAlgorithm.EC_P256).getPrivate()));

        var e = assertThrows(InvalidInputException.class, () -> TlsKeys.readCertificates(file));
        assertTrue(e.getMessage().contains("holds a PEM PRIVATE KEY block where a certificate is expected"),
                e.getMessage());
    }

    @Test
    void aBouncyCastleKeyIsConvertedAndAJdkKeyKeptAsItIs() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        PrivateKey bouncyCastle = Pem.readPrivateKey(write("d.key", Pem.encode(keys.getPrivate())), null);
        assertEquals("ECDSA", bouncyCastle.getAlgorithm());

        PrivateKey jdk = TlsKeys.forJdk(bouncyCastle);

        assertJdkKeyOf(keys, KeyAlgorithm.EC_P256, jdk);
        assertSame(jdk, TlsKeys.forJdk(jdk));
    }

    private static void assertJdkKeyOf(KeyPair keys, KeyAlgorithm algorithm, PrivateKey key) {
        assertEquals(algorithm.name().startsWith("EC") ? "EC" : "RSA", key.getAlgorithm());
        ClassLoader loader = key.getClass().getClassLoader();
        assertTrue(loader == null || loader == ClassLoader.getPlatformClassLoader(), key.getClass().getName());
        assertTrue(KeyPairs.matches(keys.getPublic(), key), "the key of the pair");
    }

    private static List<X509Certificate> chain() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 10);
        return List.of(ca.issueDeviceCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(),
                SubjectProfile.ofCommonName("d1"), 1), ca.certificate());
    }

    private static String traditional(PrivateKey key) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        return out.toString();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
