package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaStoreTest {
    private static final SubjectProfile SUBJECT = SubjectProfile.ofCommonName("root");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @Test
    void createsWithSeedFileNamesThenReusesUntilForced() throws Exception {
        CaStore store = new CaStore(dir.resolve("ca"), "root");

        var created = store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        var reused = store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        var forced = store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, true, reporter);

        assertTrue(created.created() && !reused.created() && forced.created());
        assertEquals(created.ca().certificate(), reused.ca().certificate());
        assertNotEquals(created.ca().certificate(), forced.ca().certificate());
        assertEquals(dir.resolve("ca/root.ca.pem"), store.certificateFile());
        assertEquals(dir.resolve("ca/root.ca.key"), store.keyFile());
        assertTrue(infos.get(1).startsWith("Reusing the existing CA " + store.certificateFile()), infos.get(1));
    }

    @Test
    void passwordEncryptsTheKeyAndNoPasswordWarns() throws Exception {
        CaStore encrypted = new CaStore(dir, "enc");
        CaStore plain = new CaStore(dir, "plain");

        var ca = encrypted.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, "pw".toCharArray(), false, reporter).ca();
        plain.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);

        assertTrue(Files.readString(encrypted.keyFile()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertArrayEquals(ca.privateKey().getEncoded(),
                encrypted.load("pw".toCharArray()).privateKey().getEncoded());
        assertThrows(KeyPasswordRequiredException.class, () -> encrypted.load(null));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(plain.keyFile() + " is stored unencrypted"), warnings.get(0));
    }

    @Test
    void aConfiguredPasswordOverAPlainKeyWarnsHowToEncryptIt() throws Exception {
        CaStore store = new CaStore(dir, "root");
        store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        warnings.clear();

        store.load(CaCredentials.ofPassword("pw".toCharArray()), Requester.current("test"), reporter);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("CA key " + store.keyFile() + " is not encrypted although a CA"
                + " password is configured; encrypt it with: openssl pkcs8 -topk8"), warnings.get(0));
    }

    @Test
    void aKeyFileAndATokenReferenceTogetherAreAmbiguous() throws Exception {
        CaStore store = new CaStore(dir, "root");
        store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        Files.writeString(store.keyReferenceFile(), "{}");

        var e = assertThrows(InvalidInputException.class, () -> store.load(null));
        assertTrue(e.getMessage().contains("holds both root.ca.key and root.ca.p11.json"), e.getMessage());
    }

    @Test
    void aCorruptTokenReferenceNamesTheFile() throws Exception {
        CaStore store = new CaStore(dir, "root");
        store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        Files.delete(store.keyFile());
        Files.writeString(store.keyReferenceFile(), "{\"custody\": \"pkcs11\"}");

        var e = assertThrows(InvalidInputException.class, () -> store.load(null));
        assertTrue(e.getMessage().startsWith("CA key reference " + store.keyReferenceFile()
                + " is not a PKCS#11 key reference"), e.getMessage());
    }

    @Test
    void aTokenCaWithAMissingLibraryOrPinWritesNothing() {
        CaStore store = new CaStore(dir.resolve("ca"), "root");
        CaKeyReference absent = new CaKeyReference(new Pkcs11Slot(dir.resolve("no-such-pkcs11.so"), null, 0), "root");
        NewCa spec = new NewCa(SUBJECT, KeyAlgorithm.EC_P256, 10, absent);

        var noLibrary = assertThrows(InvalidInputException.class, () -> store.createOrReuse(spec,
                new CaCredentials(null, "1234".toCharArray()), false, Requester.current("test"), reporter));
        var noPin = assertThrows(InvalidInputException.class, () -> store.createOrReuse(spec,
                CaCredentials.ofPassword(null), false, Requester.current("test"), reporter));

        assertTrue(noLibrary.getMessage().contains("PKCS#11 library " + dir.resolve("no-such-pkcs11.so")
                + " does not exist") && noLibrary.getMessage().contains("iot.pkcs11.library"), noLibrary.getMessage());
        assertTrue(noPin.getMessage().contains("iot.pkcs11.pinEnv"), noPin.getMessage());
        assertFalse(store.exists());
    }

    @Test
    void askingForATokenOverAnExistingKeyFileCaReusesItAndSaysSo() throws Exception {
        CaStore store = new CaStore(dir, "root");
        var created = store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        CaKeyReference token = new CaKeyReference(new Pkcs11Slot(dir.resolve("lib.so"), null, 0), "root");

        var reused = store.createOrReuse(new NewCa(SUBJECT, KeyAlgorithm.EC_P256, 10, token),
                CaCredentials.ofPassword(null), false, Requester.current("test"), reporter);

        assertFalse(reused.created());
        assertEquals(created.ca().certificate(), reused.ca().certificate());
        assertTrue(warnings.get(warnings.size() - 1).startsWith("iot.pkcs11.library is set, but the existing CA keeps"
                + " its key in " + store.keyFile()), warnings.toString());
    }

    @Test
    void aLoneFileIsNeitherReusedNorOverwrittenWithoutForce() throws Exception {
        CaStore store = new CaStore(dir, "root");
        store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter);
        Files.delete(store.keyFile());
        String certificate = Files.readString(store.certificateFile());

        var e = assertThrows(InvalidInputException.class,
                () -> store.createOrReuse(SUBJECT, KeyAlgorithm.EC_P256, 10, null, false, reporter));

        assertTrue(e.getMessage().contains("holds root.ca.pem without its pair"), e.getMessage());
        assertEquals(certificate, Files.readString(store.certificateFile()));
        assertFalse(Files.exists(store.keyFile()));
    }

    @Test
    void loadingAMissingCaSaysHowToCreateIt() {
        CaStore store = new CaStore(dir, "root");
        var e = assertThrows(InvalidInputException.class, () -> store.load(null));
        assertEquals("CA file " + store.certificateFile() + " does not exist; create the CA with mvn iot:create-ca"
                + " -Diot.caDirectory=" + dir + " -Diot.caName=root or point iot.caDirectory and iot.caName at an"
                + " existing one", e.getMessage());
    }

    @Test
    void caNamesCannotEscapeTheFolder() {
        assertThrows(InvalidInputException.class, () -> new CaStore(dir, "../root"));
        assertThrows(InvalidInputException.class, () -> new CaStore(dir, ".hidden"));
    }
}
