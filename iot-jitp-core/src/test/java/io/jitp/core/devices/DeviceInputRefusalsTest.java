package io.jitp.core.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device inputs AWS IoT or the file system would refuse, each refused before anything is written, naming the input
 * and the fix (bad CSV rows and duplicates: {@link DeviceListFileTest}; forged CSRs: {@link DeviceBatchTest}).
 */
class DeviceInputRefusalsTest {
    private static final CertificateAuthority CA =
            CertificateAuthority.create(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 100);

    @TempDir
    Path dir;

    @Test
    void idsWithCharactersAwsRejectsOrLongerThan128AreRefusedWithTheRule() throws Exception {
        for (String id : List.of("dev/1", "dév-1", "dev.1", "a".repeat(129))) {
            Path list = Files.writeString(dir.resolve("devices.csv"), "id\n" + id + "\n");
            var e = assertThrows(InvalidInputException.class, () -> DeviceListFile.read(list, SubjectProfile.empty()));
            assertTrue(e.getMessage().contains(list + " line 2") && e.getMessage().contains("'" + id + "'")
                    && e.getMessage().contains("use 1 to 128 letters, digits, ':', '_' or '-'"), e.getMessage());
        }
        assertEquals("a".repeat(128), DeviceListFile.read(Files.writeString(dir.resolve("ok.csv"),
                "a".repeat(128) + "\n"), SubjectProfile.empty()).get(0).id());
    }

    @Test
    void csvRowsWithAnUnclosedQuoteOrTooManyCellsNameTheLine() throws Exception {
        Path quote = Files.writeString(dir.resolve("quote.csv"), "id,O\nd1,\"acme\n");
        var e = assertThrows(InvalidInputException.class, () -> DeviceListFile.read(quote, SubjectProfile.empty()));
        assertEquals(quote + " line 2 has an unclosed double quote", e.getMessage());
        Path cells = Files.writeString(dir.resolve("cells.csv"), "id,O\nd1,acme,extra\n");
        e = assertThrows(InvalidInputException.class, () -> DeviceListFile.read(cells, SubjectProfile.empty()));
        assertTrue(e.getMessage().startsWith(cells + " line 2 has 3 values but the header names 2 columns"),
                e.getMessage());
    }

    @Test
    void aDeviceListThatIsAFolderOrUnderAFileIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("devices.csv"));
        var e = assertThrows(InvalidInputException.class, () -> DeviceListFile.read(folder, SubjectProfile.empty()));
        assertTrue(e.getMessage().contains(folder + " is a folder, not a file"), e.getMessage());

        Path file = Files.writeString(dir.resolve("lists"), "x");
        e = assertThrows(InvalidInputException.class,
                () -> DeviceListFile.read(file.resolve("devices.csv"), SubjectProfile.empty()));
        assertTrue(e.getMessage().contains("(iot.deviceList) " + file.resolve("devices.csv") + " cannot be read"),
                e.getMessage());
    }

    @Test
    void aCsrFolderThatIsAFileIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("csrs"), "x");
        var e = assertThrows(InvalidInputException.class, () -> CsrDirectory.read(file));
        assertEquals("CSR folder " + file + " (iot.csrDirectory) is a file, not a folder; name the folder that holds"
                + " the *.csr files", e.getMessage());
    }

    @Test
    void aCsrWithAnRsaKeyShorterThan2048BitsIsRefusedAsAwsIotRefusesIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair weak = generator.generateKeyPair();
        Path csrs = Files.createDirectories(dir.resolve("csrs"));
        Files.writeString(csrs.resolve("se-1.csr"), Pem.encode(new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=se-1"), weak.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(weak.getPrivate()))));

        var e = assertThrows(InvalidInputException.class, () -> CsrDirectory.read(csrs));
        assertEquals("CSR " + csrs.resolve("se-1.csr") + " has a 1024-bit RSA key; AWS IoT accepts RSA keys of 2048"
                + " bits or more (and EC P-256/P-384); regenerate it with an RSA key of 2048 bits or more, or an EC"
                + " P-256 key", e.getMessage());
    }

    @Test
    void anOutputFolderThatIsARegularFileFailsTheBatchWithNothingWritten() throws Exception {
        Path out = Files.writeString(dir.resolve("out"), "a file in the way");
        DeviceBatch batch = new DeviceBatch(CA, new BatchOptions(out, KeyAlgorithm.EC_P256, 30, 1, false),
                Reporter.silent());

        var e = assertThrows(InvalidInputException.class, () -> batch.run(DeviceSources.numbered("dev-", 2,
                SubjectProfile.empty())));
        assertTrue(e.getMessage().startsWith("Cannot create the output folder " + out), e.getMessage());
        assertTrue(e.getMessage().contains("move it or choose another folder"), e.getMessage());
        assertEquals("a file in the way", Files.readString(out));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList(), "nothing written beside it");
        }
    }

    @Test
    void anOutputFolderUnderARegularFileFailsTheBatchWithNothingWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("target"), "x");
        DeviceBatch batch = new DeviceBatch(CA, new BatchOptions(file.resolve("devices"), KeyAlgorithm.EC_P256, 30,
                1, false), Reporter.silent());

        var e = assertThrows(InvalidInputException.class, () -> batch.run(DeviceSources.numbered("dev-", 2,
                SubjectProfile.empty())));
        assertTrue(e.getMessage().startsWith("Cannot create the output folder " + file.resolve("devices")),
                e.getMessage());
        assertFalse(Files.isDirectory(file));
    }
}
