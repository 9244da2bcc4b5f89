package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.StandInAuthority;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's server key and certificate are kept across starts while they still fit (same root CA, same names),
 * and issued anew when the root CA or the DescribeEndpoint host changed.
 */
class BrokerCertificatesTest {
    private static final char[] PASSWORD = "store-password".toCharArray();
    private static final TlsListener LISTENER = new TlsListener("mqtt-tls", "127.0.0.1", 8883, null);

    @TempDir
    Path state;

    private X509Certificate serverCertificate(String endpointHost) throws Exception {
        Path mqtt = Files.createDirectories(state.resolve("mqtt"));
        Path run = Files.createTempDirectory(mqtt, "run");
        StandInAuthority authority = StandInAuthority.loadOrCreate(state);
        new BrokerCertificates(authority, mqtt).writeServerKeyStores(List.of(LISTENER), run, endpointHost, PASSWORD);
        KeyStore store = KeyStore.getInstance(BrokerCertificates.STORE_TYPE);
        try (InputStream in = Files.newInputStream(LISTENER.keystoreIn(run))) {
            store.load(in, PASSWORD);
        }
        X509Certificate server = (X509Certificate) store.getCertificateChain(LISTENER.keyAlias())[0];
        server.verify(authority.certificate().getPublicKey());
        return server;
    }

    @Test
    void theServerCertificateIsKeptAcrossStartsAndItsKeyIsOwnerOnly() throws Exception {
        X509Certificate first = serverCertificate("data.local");
        X509Certificate second = serverCertificate("data.local");
        assertArrayEquals(first.getEncoded(), second.getEncoded());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                state.resolve("mqtt").resolve(BrokerCertificates.FILE))));
    }

    @Test
    void theStoresAreJksWhichHiveMqReadsWithoutPkcs12sPasswordRounds() throws Exception {
        serverCertificate("data.local");
        Path run;
        try (var runs = Files.list(state.resolve("mqtt"))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(LISTENER.keystoreIn(run)))) {
            assertEquals(0xFEEDFEED, in.readInt(), "the JKS magic number");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                LISTENER.keystoreIn(run))));
    }

    @Test
    void aNewRootCaOrEndpointHostGetsANewServerCertificate() throws Exception {
        X509Certificate first = serverCertificate("data.local");
        X509Certificate otherHost = serverCertificate("other.local");
        assertFalse(first.getSerialNumber().equals(otherHost.getSerialNumber()));
        assertTrue(otherHost.getSubjectAlternativeNames().contains(List.of(2, "other.local")));

        Files.delete(state.resolve(StandInAuthority.CERTIFICATE_FILE));
        Files.delete(state.resolve(StandInAuthority.KEY_FILE));
        X509Certificate newRoot = serverCertificate("other.local");
        assertFalse(otherHost.getSerialNumber().equals(newRoot.getSerialNumber()));
    }

    @Test
    void anUnreadableKeptPairIsReplaced() throws Exception {
        X509Certificate first = serverCertificate("data.local");
        Files.writeString(state.resolve("mqtt").resolve(BrokerCertificates.FILE), "not a key");
        X509Certificate replaced = serverCertificate("data.local");
        assertFalse(first.getSerialNumber().equals(replaced.getSerialNumber()));
    }
}
