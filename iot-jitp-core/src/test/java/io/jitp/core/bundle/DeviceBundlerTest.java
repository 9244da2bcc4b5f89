package io.jitp.core.bundle;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.core.smoke.DeviceOutcome;
import io.jitp.core.smoke.JUnitXmlReport;
import io.jitp.core.smoke.SmokeReport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceBundlerTest {
    private static final CertificateAuthority CA =
            CertificateAuthority.create(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 100);

    @TempDir
    Path dir;

    private Path devices;
    private Path smokeXml;
    private Path firmware;
    private Path bundles;
    private DeviceBundler bundler;

    @BeforeEach
    void provisionThreeDevices() throws IOException {
        devices = dir.resolve("devices");
        smokeXml = dir.resolve("smoke").resolve(JUnitXmlReport.FILE_NAME);
        firmware = dir.resolve("agent-1.0.jar");
        bundles = dir.resolve("bundles");
        Files.writeString(firmware, "firmware image");
        new DeviceBatch(CA, new BatchOptions(devices, KeyAlgorithm.EC_P256, 30, 1, false), Reporter.silent()).run(
                DeviceSources.numbered("dev-", 3, new SubjectProfile(null, null, null, null, null, null, null, null)));
        bundler = new DeviceBundler(new BundleEndpoint("aws", "us-east-1", "localhost", 8883, null,
                List.of(CA.certificate())), Reporter.silent());
    }

    @Test
    void bundlesOnlyDevicesThatPassedWithEveryFileTheDeviceNeeds() throws IOException {
        smoke(Map.of("dev-0", "", "dev-1", "refused: certificate REVOKED"));

        BundleReport report = bundler.bundle(devices, smokeXml, firmware, bundles);

        assertEquals(List.of("dev-0"), report.written());
        assertEquals(Map.of("dev-1", "refused: certificate REVOKED"), report.failed());
        assertEquals(List.of("dev-2"), report.untested());
        Path zip = bundles.resolve("dev-0.zip");
        assertEquals(List.of("dev-0.zip"), List.of(bundles.toFile().list()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals("firmware image", text(file, "firmware/agent-1.0.jar"));
            assertEquals(Files.readString(devices.resolve("dev-0.crt")), text(file, "device/certificate.pem"));
            assertEquals(Files.readString(devices.resolve("dev-0.key")), text(file, "device/private.key"));
            assertTrue(text(file, "root-ca.pem").startsWith("-----BEGIN CERTIFICATE-----"));
            JsonNode endpoint = new ObjectMapper().readTree(text(file, "endpoint.json"));
            assertEquals("localhost", endpoint.get("host").asText());
            assertEquals(8883, endpoint.get("port").asInt());
            assertEquals("dev-0", endpoint.get("clientId").asText());
        }
    }

    @Test
    void rebuildLeavesUnchangedBundlesAloneAndDeletesBundlesOfDevicesThatNoLongerPass() throws IOException {
        smoke(Map.of("dev-0", "", "dev-1", "", "dev-2", ""));
        assertEquals(3, bundler.bundle(devices, smokeXml, firmware, bundles).written().size());
        byte[] before = Files.readAllBytes(bundles.resolve("dev-0.zip"));

        smoke(Map.of("dev-0", "", "dev-1", "timed out", "dev-2", ""));
        BundleReport again = bundler.bundle(devices, smokeXml, firmware, bundles);

        assertEquals(List.of(), again.written());
        assertEquals(List.of("dev-0", "dev-2"), again.unchanged());
        assertEquals(List.of("dev-1"), again.removed());
        assertArrayEquals(before, Files.readAllBytes(bundles.resolve("dev-0.zip")));
        assertFalse(Files.exists(bundles.resolve("dev-1.zip")));
    }

    @Test
    void aReportOlderThanTheManifestOrMissingBundlesNothing() throws IOException {
        BundleReport none = bundler.bundle(devices, smokeXml, firmware, bundles);
        assertEquals(List.of("dev-0", "dev-1", "dev-2"), none.untested());

        smoke(Map.of("dev-0", "", "dev-1", "", "dev-2", ""));
        Files.setLastModifiedTime(smokeXml, FileTime.fromMillis(
                Files.getLastModifiedTime(devices.resolve("manifest.json")).toMillis() - 60_000));
        BundleReport stale = bundler.bundle(devices, smokeXml, firmware, bundles);
        assertEquals(0, stale.bundled());
        assertEquals(3, stale.untested().size());
    }

    @Test
    void aStandInBundleNamesWhereToReadThePortInsteadOfTheEphemeralPort() throws IOException {
        smoke(Map.of("dev-0", ""));
        Path endpoints = dir.resolve("stand-in/endpoints.json");
        BundleEndpoint standIn = new BundleEndpoint("local", "us-east-1", "localhost", 0, endpoints,
                List.of(CA.certificate()));
        new DeviceBundler(standIn, Reporter.silent()).bundle(devices, smokeXml, firmware, bundles);
        try (ZipFile file = new ZipFile(bundles.resolve("dev-0.zip").toFile())) {
            JsonNode endpoint = new ObjectMapper().readTree(text(file, "endpoint.json"));
            assertFalse(endpoint.has("port"));
            assertTrue(endpoint.get("portFrom").asText().startsWith(endpoints.toString()));
        }
    }

    @Test
    void missingFirmwareIsAUserMistakeNamingTheFix() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundler.bundle(devices, smokeXml, dir.resolve("missing.jar"), bundles));
        assertTrue(e.getMessage().contains("iot.bundle.firmware"), e.getMessage());
    }

    /** Writes a smoke-connect report; an empty reason means the device passed. */
    private void smoke(Map<String, String> verdicts) throws IOException {
        List<DeviceOutcome> outcomes = new TreeMap<>(verdicts).entrySet().stream().map(e -> new DeviceOutcome(
                e.getKey(), e.getValue().isEmpty() ? null : e.getValue(), 2, 1, 1, 1, 1)).toList();
        JUnitXmlReport.write(new SmokeReport(outcomes, 1, "test"), smokeXml.getParent());
    }

    private static String text(ZipFile zip, String entry) throws IOException {
        assertTrue(zip.getEntry(entry) != null, "zip entry " + entry);
        return new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
