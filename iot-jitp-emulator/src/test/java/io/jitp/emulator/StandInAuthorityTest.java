package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's root CA, made and used through the JDK: the same CA as before in substance (EC P-256, CA:TRUE and
 * keyCertSign critical, key identifiers, 20 years), readable by openssl, reloaded at the next start, and a CA kept
 * by an earlier version (key written through BouncyCastle) still loads. A fresh JVM proves the start-up path never
 * sets up BouncyCastle's provider for it.
 */
class StandInAuthorityTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path state;

    @Test
    void aNewRootCaIsAnEcP256CaThatOpensslVerifies() throws Exception {
        StandInAuthority authority = StandInAuthority.loadOrCreate(state);
        X509Certificate root = authority.certificate();
        assertEquals(256, ((ECPublicKey) root.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertEquals("SHA256withECDSA", root.getSigAlgName());
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
        assertTrue(root.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")));
        assertTrue(root.getKeyUsage()[5] && root.getKeyUsage()[6], "keyCertSign and cRLSign");
        assertArrayEquals(subjectKeyId(root), authorityKeyId(root),
                "self-signed: the authority key id is its own subject key id");
        assertEquals(Duration.ofDays(7300), Duration.between(root.getNotBefore().toInstant(),
                root.getNotAfter().toInstant()));
        assertEquals(120, root.getSerialNumber().bitLength());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                state.resolve(StandInAuthority.KEY_FILE))));

        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "SKIPPED: /usr/bin/openssl is not installed");
        Path certificate = state.resolve(StandInAuthority.CERTIFICATE_FILE);
        assertEquals(certificate + ": OK", openssl("verify", "-x509_strict", "-CAfile", certificate.toString(),
                certificate.toString()).strip());
        String publicFromKey = openssl("pkey", "-in", state.resolve(StandInAuthority.KEY_FILE).toString(), "-pubout");
        assertEquals(openssl("x509", "-in", certificate.toString(), "-noout", "-pubkey"), publicFromKey,
                "openssl reads the key file, and it belongs to the certificate");
    }

    @Test
    void theNextStartReloadsTheSameCaWhichIssuesCertificatesTheRootVerifies() throws Exception {
        X509Certificate created = StandInAuthority.loadOrCreate(state).certificate();
        StandInAuthority reloaded = StandInAuthority.loadOrCreate(state);
        assertArrayEquals(created.getEncoded(), reloaded.certificate().getEncoded());
        X509Certificate server = reloaded.ca().issueServerCertificate(JdkKeys.ecP256().getPublic(), "localhost",
                List.of("localhost"), List.of("127.0.0.1"), 30);
        server.verify(created.getPublicKey());
    }

    @Test
    void aCaKeptByAnEarlierVersionStillLoadsAndIssues() throws Exception {
        // What earlier versions wrote: key and certificate made through the core's BouncyCastle provider.
        CertificateAuthority earlier = CertificateAuthority.create(SubjectProfile.ofCommonName("earlier"),
                KeyAlgorithm.EC_P256, 30);
        Files.writeString(state.resolve(StandInAuthority.KEY_FILE), Pem.encode(earlier.privateKey()));
        Files.writeString(state.resolve(StandInAuthority.CERTIFICATE_FILE), earlier.certificatePem());
        assertIssuesFor(StandInAuthority.loadOrCreate(state), earlier.certificate());
    }

    @Test
    void aKeyInOpensslsTraditionalFormatLoadsThroughTheCoreReader() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "SKIPPED: /usr/bin/openssl is not installed");
        X509Certificate root = StandInAuthority.loadOrCreate(state).certificate();
        Path key = state.resolve(StandInAuthority.KEY_FILE);
        String traditional = openssl("ec", "-in", key.toString());
        assertTrue(traditional.contains("BEGIN EC PRIVATE KEY"), traditional);
        Files.writeString(key, traditional);
        assertIssuesFor(StandInAuthority.loadOrCreate(state), root);
    }

    @Test
    void creatingAndReloadingTheCaNeverSetsUpBouncyCastlesProvider() throws Exception {
        Path log = state.resolve("classes.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                CreateReloadAndIssue.class.getName(), state.resolve("fresh").toString()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        String classes = Files.readString(log);
        assertTrue(classes.contains(JdkKeys.class.getName()), "the log lists the classes loaded");
        assertFalse(classes.contains("org.bouncycastle.jce.provider.BouncyCastleProvider "),
                "BouncyCastle's provider was set up");
    }

    /**
     * Run in a fresh JVM: creates the stand-in's CA in the given folder, reloads it as the next start does, and
     * issues a server certificate with each, as the broker does.
     */
    static final class CreateReloadAndIssue {
        public static void main(String[] args) throws Exception {
            for (int start = 1; start <= 2; start++) {
                StandInAuthority authority = StandInAuthority.loadOrCreate(Path.of(args[0]));
                KeyPair keys = JdkKeys.ecP256();
                authority.ca().issueServerCertificate(keys.getPublic(), "localhost", List.of("localhost"),
                        List.of("127.0.0.1"), 30).verify(authority.certificate().getPublicKey());
                Pem.encode(keys.getPrivate());
            }
        }
    }

    private static void assertIssuesFor(StandInAuthority authority, X509Certificate root) throws Exception {
        assertArrayEquals(root.getEncoded(), authority.certificate().getEncoded());
        authority.ca().issueServerCertificate(JdkKeys.ecP256().getPublic(), "localhost", List.of("localhost"),
                List.of(), 30).verify(root.getPublicKey());
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.14");
        // OCTET STRING { OCTET STRING keyIdentifier }: the identifier is the last 20 bytes (SHA-1).
        return Arrays.copyOfRange(extension, extension.length - 20, extension.length);
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.35");
        // OCTET STRING { SEQUENCE { [0] keyIdentifier } }: the identifier is the last 20 bytes.
        return Arrays.copyOfRange(extension, extension.length - 20, extension.length);
    }

    private static String openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
