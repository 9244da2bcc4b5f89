package io.jitp.core.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM files with the wrong content, or paths that are not files: the error names the file and what to do, and never
 * quotes key material. (Corrupt base64, missing files and passwords: {@link PemTest}.)
 */
class PemWrongContentTest {
    private static final KeyPair KEYS = TestKeys.of(KeyAlgorithm.EC_P256);

    @TempDir
    Path dir;

    @Test
    void aTruncatedCertificateIsNamed() throws Exception {
        String pem = Pem.encode(TestCertificates.selfSigned(KEYS, "root", Instant.now(), Instant.now().plusSeconds(60),
                true));
        Path file = write("root.ca.pem", pem.substring(0, pem.length() / 2));

        var e = assertThrows(InvalidInputException.class, () -> Pem.readCertificate(file));
        assertTrue(e.getMessage().startsWith(file + " does not hold a valid PEM certificate"), e.getMessage());
        assertTrue(e.getMessage().contains("replace it"), e.getMessage());
    }

    @Test
    void aKeyWhereTheCertificateBelongsSaysTheFilesMayBeSwapped() throws Exception {
        String keyPem = Pem.encode(KEYS.getPrivate());
        Path file = write("root.ca.pem", keyPem);

        var e = assertThrows(InvalidInputException.class, () -> Pem.readCertificate(file));
        assertEquals(file + " holds a PEM PRIVATE KEY block where a certificate is expected; check that the file"
                + " names are not swapped (the CA certificate is <caName>.ca.pem, its key <caName>.ca.key)",
                e.getMessage());
        assertNoKeyMaterial(e, keyPem);
    }

    @Test
    void aCertificateWhereTheKeyBelongsSaysTheFilesMayBeSwapped() throws Exception {
        Path file = write("root.ca.key", Pem.encode(TestCertificates.selfSigned(KEYS, "root", Instant.now(),
                Instant.now().plusSeconds(60), true)));

        var e = assertThrows(InvalidInputException.class, () -> Pem.readPrivateKey(file, null));
        assertTrue(e.getMessage().startsWith(file + " holds a PEM CERTIFICATE block where a private key is expected"),
                e.getMessage());
    }

    @Test
    void aCertificateWhereACsrBelongsIsNamed() throws Exception {
        Path file = write("device.csr", Pem.encode(TestCertificates.selfSigned(KEYS, "d", Instant.now(),
                Instant.now().plusSeconds(60), false)));

        var e = assertThrows(InvalidInputException.class, () -> Pem.readCsr(file));
        assertTrue(e.getMessage().startsWith(file + " holds a PEM CERTIFICATE block where a certificate signing"
                + " request is expected"), e.getMessage());
    }

    @Test
    void aCorruptKeyIsNamedWithoutQuotingIt() throws Exception {
        String keyPem = Pem.encode(KEYS.getPrivate());
        String[] lines = keyPem.split("\n");
        lines[1] = lines[1].substring(0, 10) + "!!" + lines[1].substring(12);
        Path file = write("root.ca.key", String.join("\n", lines));

        var e = assertThrows(InvalidInputException.class, () -> Pem.readPrivateKey(file, null));
        assertTrue(e.getMessage().startsWith(file + " does not hold a valid PEM private key"), e.getMessage());
        assertNoKeyMaterial(e, keyPem);
    }

    @Test
    void opensslEcParametersBeforeTheKeyAreSkipped() throws Exception {
        // What `openssl ecparam -name prime256v1 -genkey` writes: an EC PARAMETERS block, then the key.
        Path file = write("ec.key", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + Pem.encode(KEYS.getPrivate()));

        assertTrue(KeyPairs.matches(KEYS.getPublic(), Pem.readPrivateKey(file, null)));
    }

    @Test
    void aFolderWhereTheFileBelongsIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("root.ca.pem"));

        var e = assertThrows(InvalidInputException.class, () -> Pem.readCertificate(folder));
        assertEquals("The certificate file " + folder + " is a folder, not a file; name the file itself",
                e.getMessage());
    }

    @Test
    void aPathUnderARegularFileIsNamed() throws Exception {
        Path file = write("ca", "a file, not the CA folder");

        var e = assertThrows(InvalidInputException.class, () -> Pem.readPrivateKey(file.resolve("root.ca.key"),
                null));
        assertEquals("The private key file " + file.resolve("root.ca.key") + " cannot be read ("
                + file.resolve("root.ca.key") + ": Not a directory)", e.getMessage());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertNoKeyMaterial(Exception e, String keyPem) {
        for (String line : keyPem.split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(e.getMessage().contains(line.substring(0, Math.min(16, line.length()))), e.getMessage());
            }
        }
    }
}
