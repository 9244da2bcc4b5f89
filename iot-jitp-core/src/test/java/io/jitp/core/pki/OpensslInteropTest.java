package io.jitp.core.pki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What we write, openssl reads and verifies; what openssl writes, we read and sign. */
class OpensslInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenssl() {
        Openssl.assumeInstalled();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void opensslVerifiesDeviceCertificatesAndReadsKeysOfEveryType(KeyAlgorithm algorithm) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(
                new SubjectProfile("root", "LU", "Luxembourg", "Luxembourg", "AWS", "Demo", null, null),
                TestKeys.of(algorithm), 30);
        KeyPair device = TestKeys.of(algorithm);
        X509Certificate certificate = ca.issueDeviceCertificate(device.getPublic(),
                new SubjectProfile("dev-1", "ES", null, null, "12345", null, "SN-9", null), 10);
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        Files.writeString(dir.resolve("dev.crt"), Pem.encode(certificate) + ca.certificatePem());
        Files.writeString(dir.resolve("dev.key"), Pem.encode(device.getPrivate()));

        var verify = Openssl.run(dir, "verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", "ca.pem", "dev.crt");
        assertEquals("dev.crt: OK", verify.output().strip(), verify.output());

        var caText = Openssl.run(dir, "x509", "-noout", "-text", "-in", "ca.pem").output();
        assertTrue(caText.matches("(?s).*X509v3 Basic Constraints: critical\\s+CA:TRUE.*"), caText);
        assertTrue(caText.matches("(?s).*X509v3 Key Usage: critical\\s+Certificate Sign, CRL Sign.*"), caText);
        assertTrue(caText.contains("X509v3 Subject Key Identifier") && caText.contains("X509v3 Authority Key Identifier"));
        assertTrue(caText.contains("Subject: C = LU, ST = Luxembourg, L = Luxembourg, O = AWS, OU = Demo, CN = root"),
                caText);

        var deviceText = Openssl.run(dir, "x509", "-noout", "-text", "-in", "dev.crt").output();
        String usage = algorithm.isRsa() ? "Digital Signature, Key Encipherment" : "Digital Signature";
        assertTrue(deviceText.matches("(?s).*X509v3 Key Usage: critical\\s+" + usage + "\\n.*"), deviceText);
        assertTrue(deviceText.matches("(?s).*X509v3 Extended Key Usage:\\s+TLS Web Client Authentication.*"));
        assertTrue(deviceText.contains("X509v3 Authority Key Identifier"), deviceText);
        assertTrue(deviceText.contains("Subject: C = ES, O = 12345, CN = dev-1, serialNumber = SN-9"), deviceText);

        var key = Openssl.run(dir, "pkey", "-in", "dev.key", "-pubout");
        assertEquals(0, key.exitCode(), key.output());
        var certKey = Openssl.run(dir, "x509", "-in", "dev.crt", "-noout", "-pubkey");
        assertEquals(certKey.output(), key.output(), "the key file holds the certificate's key");
    }

    @Test
    void opensslOpensEncryptedKeysOnlyWithThePassword() throws Exception {
        Files.writeString(dir.resolve("ca.key"),
                Pem.encodeEncrypted(TestKeys.of(KeyAlgorithm.EC_P256).getPrivate(), "pa55 word".toCharArray()));

        var right = Openssl.run(dir, Map.of("IOT_PW", "pa55 word"), "pkey", "-in", "ca.key", "-passin", "env:IOT_PW",
                "-noout");
        var wrong = Openssl.run(dir, Map.of("IOT_PW", "guess"), "pkey", "-in", "ca.key", "-passin", "env:IOT_PW",
                "-noout");

        assertEquals(0, right.exitCode(), right.output());
        assertNotEquals(0, wrong.exitCode());
    }

    @Test
    void readsOpensslKeysInEveryFormatAndSignsItsCsr() throws Exception {
        Map<String, String> env = Map.of("IOT_PW", "secret");
        assertEquals(0, Openssl.run(dir, "genrsa", "-traditional", "-out", "rsa.key", "2048").exitCode());
        assertEquals(0, Openssl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key")
                .exitCode());
        assertEquals(0, Openssl.run(dir, env, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "ec.key",
                "-out", "ec-enc.key", "-passout", "env:IOT_PW").exitCode());
        assertEquals(0, Openssl.run(dir, "req", "-new", "-key", "rsa.key", "-subj", "/C=ES/O=12345/CN=se-1",
                "-out", "se-1.csr").exitCode());

        assertEquals("RSA", Pem.readPrivateKey(dir.resolve("rsa.key"), null).getAlgorithm());
        assertEquals(Pem.readPrivateKey(dir.resolve("ec.key"), null).getEncoded().length,
                Pem.readPrivateKey(dir.resolve("ec-enc.key"), "secret".toCharArray()).getEncoded().length);
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 5);
        X509Certificate device = ca.signCsr(Pem.readCsr(dir.resolve("se-1.csr")), 5);
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        Files.writeString(dir.resolve("se-1.crt"), Pem.encode(device));

        assertEquals("se-1.crt: OK", Openssl.run(dir, "verify", "-CAfile", "ca.pem", "se-1.crt").output().strip());
    }

    @Test
    void aCaMadeByTheSeedScriptsWithOpensslIsReusable() throws Exception {
        // What the seed's create-ca did: an RSA 2048 key and a self-signed SHA-256 certificate.
        assertEquals(0, Openssl.run(dir, "genrsa", "-out", "root.ca.key", "2048").exitCode());
        var req = Openssl.run(dir, "req", "-x509", "-new", "-key", "root.ca.key", "-sha256", "-days", "1024",
                "-subj", "/C=LU/L=Luxembourg/ST=Luxembourg/O=AWS/OU=Demo/CN=root", "-out", "root.ca.pem");
        assertEquals(0, req.exitCode(), req.output());

        CertificateAuthority ca = new CaStore(dir, "root").load(null);
        X509Certificate device = ca.issueDeviceCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(),
                SubjectProfile.ofCommonName("legacy-1"), 5);
        Files.writeString(dir.resolve("legacy-1.crt"), Pem.encode(device));

        assertEquals("SHA256withRSA", device.getSigAlgName());
        assertEquals("legacy-1.crt: OK",
                Openssl.run(dir, "verify", "-CAfile", "root.ca.pem", "legacy-1.crt").output().strip());
    }

    @Test
    void certificateIdIsOpensslsSha256Fingerprint() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 5);
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());

        String fingerprint = Openssl.run(dir, "x509", "-noout", "-fingerprint", "-sha256", "-in", "ca.pem").output();

        assertEquals(fingerprint.strip().replaceFirst("(?i)sha256 Fingerprint=", "").replace(":", "")
                .toLowerCase(Locale.ROOT), CertificateIds.of(ca.certificate()));
    }

    @Test
    void serverCertificateSansAreWhatOpensslShows() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                KeyAlgorithm.EC_P256, 5);
        X509Certificate server = ca.issueServerCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(), "localhost",
                List.of("localhost"), List.of("127.0.0.1"), 5);
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        Files.writeString(dir.resolve("server.pem"), Pem.encode(server));

        String text = Openssl.run(dir, "x509", "-noout", "-text", "-in", "server.pem").output();
        var verify = Openssl.run(dir, "verify", "-purpose", "sslserver", "-CAfile", "ca.pem", "server.pem");

        assertTrue(text.contains("DNS:localhost, IP Address:127.0.0.1"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertEquals("server.pem: OK", verify.output().strip());
        assertFalse(text.contains("CA:TRUE"));
    }
}
