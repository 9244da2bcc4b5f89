package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void privateKeysRoundTripAsPkcs8(KeyAlgorithm algorithm) throws Exception {
        PrivateKey key = TestKeys.of(algorithm).getPrivate();
        Path file = dir.resolve("d.key");
        Files.writeString(file, Pem.encode(key));

        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(key, Pem.readPrivateKey(file, null));
    }

    @Test
    void encryptedKeyRoundTripsOnlyWithItsPassword() throws Exception {
        PrivateKey key = TestKeys.of(KeyAlgorithm.EC_P256).getPrivate();
        Path file = dir.resolve("root.ca.key");
        String pem = Pem.encodeEncrypted(key, "s3cret".toCharArray());
        Files.writeString(file, pem);

        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), pem);
        assertFalse(pem.contains(Pem.encode(key).split("\n")[1]), "no clear key material");
        assertEquals(key, Pem.readPrivateKey(file, "s3cret".toCharArray()));
        var missing = assertThrows(KeyPasswordRequiredException.class, () -> Pem.readPrivateKey(file, null));
        assertTrue(missing.getMessage().contains(file + " is encrypted but no password was given"));
        var wrong = assertThrows(KeyPasswordRequiredException.class,
                () -> Pem.readPrivateKey(file, "guess".toCharArray()));
        assertTrue(wrong.getMessage().contains("the password is wrong"));
        assertEquals(file, wrong.file());
    }

    @Test
    void certificateChainsReadInFileOrder() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 10);
        var device = ca.issueDeviceCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(),
                SubjectProfile.ofCommonName("d1"), 1);
        Path file = dir.resolve("d1.crt");
        Files.writeString(file, Pem.encode(device) + ca.certificatePem());

        assertEquals(List.of(device, ca.certificate()), Pem.readCertificates(file));
        assertEquals(device, Pem.readCertificate(file));
    }

    @Test
    void csrsRoundTripFromTextAsApiBodiesCarryThem() throws Exception {
        var keys = TestKeys.of(KeyAlgorithm.EC_P256);
        var csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=code-123"), keys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(Crypto.bc()).build(keys.getPrivate()));

        var parsed = Pem.parseCsr(Pem.encode(csr), "request body");

        assertEquals(csr, parsed);
        assertTrue(Csrs.hasValidSignature(parsed));
        var e = assertThrows(InvalidInputException.class, () -> Pem.parseCsr("junk", "request body"));
        assertTrue(e.getMessage().startsWith("request body does not hold a valid PEM certificate signing request"));
    }

    @Test
    void corruptOrMissingFilesAreNamedInTheError() throws Exception {
        Path corrupt = dir.resolve("root.ca.pem");
        Files.writeString(corrupt, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "hello\n");
        Path missing = dir.resolve("missing.pem");

        var e1 = assertThrows(InvalidInputException.class, () -> Pem.readCertificate(corrupt));
        assertTrue(e1.getMessage().startsWith(corrupt + " does not hold a valid PEM certificate"), e1.getMessage());
        var e2 = assertThrows(InvalidInputException.class, () -> Pem.readPrivateKey(empty, null));
        assertTrue(e2.getMessage().startsWith(empty + " does not hold a valid PEM private key"), e2.getMessage());
        var e3 = assertThrows(InvalidInputException.class, () -> Pem.readCertificate(missing));
        assertEquals("The certificate file " + missing + " does not exist", e3.getMessage());
        assertThrows(InvalidInputException.class, () -> Pem.readCsr(empty));
    }
}
