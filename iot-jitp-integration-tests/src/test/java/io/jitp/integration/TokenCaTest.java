package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.CsrDirectory;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.jitp.CaRegistrar;
import io.jitp.core.jitp.CaRegistrationRequest;
import io.jitp.core.jitp.CaRegistrationResult;
import io.jitp.core.jitp.ProvisioningTemplate;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.pki.CaCredentials;
import io.jitp.core.pki.CaKeyReference;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.NewCa;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.Requester;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.core.smoke.SmokeConnect;
import io.jitp.core.smoke.SmokeDevice;
import io.jitp.core.smoke.SmokeOptions;
import io.jitp.core.smoke.SmokeReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA key in a PKCS#11 token (SoftHSM2), end to end as the goals use it: create-ca generates the key in the token,
 * the folder keeps only the certificate and a key reference, and the loaded CA issues devices and CSR certificates,
 * registers with the stand-in (the verification certificate is signed in the token) and its devices connect. The key
 * is never extractable, openssl verifies what the token signed, and the audit log holds one line per certificate.
 */
@ExtendWith({SharedStandIn.class, SharedSoftHsm.class})
class TokenCaTest {
    private final RecordingReporter reporter = new RecordingReporter();

    private static NewCa inToken(SoftHsmToken token, String alias, KeyAlgorithm algorithm) {
        return new NewCa(SubjectProfile.ofCommonName(alias), algorithm, 30, new CaKeyReference(token.slot(), alias));
    }

    private static CaCredentials pin(SoftHsmToken token) {
        return new CaCredentials(null, token.pin());
    }

    @Test
    void aTokenCaIssuesRegistersAndItsDevicesConnect(DeviceStandIn standIn, SoftHsmToken token, @TempDir Path work)
            throws Exception {
        CaStore store = new CaStore(work.resolve("ca"), "hsm-root");
        assertTrue(store.createOrReuse(inToken(token, "hsm-root", KeyAlgorithm.EC_P256), pin(token), false,
                Requester.current("test create-ca"), reporter).created());
        assertFalse(Files.exists(store.keyFile()), "no key file next to a token CA");
        assertTrue(Files.readString(store.keyReferenceFile()).contains("\"alias\" : \"hsm-root\""));

        // What every goal does: load the CA from its folder.
        CertificateAuthority ca = store.load(pin(token), Requester.current("test provision-devices"), reporter);
        assertNull(ca.privateKey().getEncoded(), "a token key has no encoding outside the token");
        assertTrue(ca.privateKey().toString().contains("token object, sensitive, unextractable"),
                ca.privateKey().toString());
        Path devices = work.resolve("devices");
        BatchResult batch = new DeviceBatch(ca, new BatchOptions(devices, KeyAlgorithm.EC_P256, 30, 2, false),
                reporter).run(io.jitp.core.devices.DeviceSources.numbered("hsm-", 3, SubjectProfile.empty()));
        assertEquals(3, batch.issued().size());

        CertificateAuthority registering = store.load(pin(token), Requester.current("test register-ca"), reporter);
        String role = "arn:aws:iam::" + standIn.endpoints.accountId() + ":role/IoTProvisioning";
        CaRegistrationResult registered = new CaRegistrar(standIn.iot, reporter).register(new CaRegistrationRequest(
                registering.certificate(), registering, false, ProvisioningTemplate.defaultTemplate(), role,
                SubjectProfile.empty()));
        assertEquals(CaRegistrationResult.REGISTERED, registered.action());

        SmokeReport report = new SmokeConnect(new SmokeOptions(standIn.mqtt(), SmokeOptions.DEFAULT_TOPIC,
                "{device}/not-mine", 3, JitpConnector.DEFAULT, true), standIn.iot, Reporter.silent())
                .run(SmokeDevice.fromManifest(devices, Set.of()));
        assertEquals(List.of(), report.failures(), "devices signed in the token provision and connect");

        for (DeviceRecord device : batch.issued()) {
            assertOpensslVerifies(store.certificateFile(), devices.resolve(device.certificateFile()));
        }
        List<String> audit = Files.readAllLines(store.auditLogFile());
        assertEquals(1 + 3 + 1, audit.size(), "the CA, three devices, the verification certificate: " + audit);
        assertTrue(audit.get(0).contains("\"purpose\":\"test create-ca\""), audit.get(0));
        for (DeviceRecord device : batch.issued()) {
            assertEquals(1, audit.stream().filter(l -> l.contains(device.certificateId())
                    && l.contains("test provision-devices")).count(), device.id());
        }
        assertTrue(audit.get(4).contains("test register-ca"), audit.get(4));
        assertNoPin(token, work, reporter.lines);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P384", "RSA_2048"})
    void everyCaKeyTypeSignsDevicesAndCsrsInTheToken(KeyAlgorithm algorithm, SoftHsmToken token, @TempDir Path work)
            throws Exception {
        String alias = "hsm-" + algorithm.name().toLowerCase();
        CaStore store = new CaStore(work, alias);
        store.createOrReuse(inToken(token, alias, algorithm), pin(token), false, Requester.current("test"), reporter);
        CertificateAuthority ca = store.load(pin(token), Requester.current("test"), reporter);
        assertEquals(algorithm, KeyAlgorithm.of(ca.certificate().getPublicKey()).orElseThrow());
        assertNull(ca.privateKey().getEncoded());

        Path csrs = Files.createDirectories(work.resolve("csrs"));
        KeyPair deviceKeys = KeyAlgorithm.EC_P256.generate();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=csr-" + alias), deviceKeys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(deviceKeys.getPrivate()));
        Files.writeString(csrs.resolve("csr-" + alias + ".csr"), Pem.encode(csr));
        List<io.jitp.core.devices.DeviceRequest> requests = new ArrayList<>(CsrDirectory.read(csrs));
        requests.addAll(io.jitp.core.devices.DeviceSources.numbered(alias + "-dev-", 1, SubjectProfile.empty()));
        Path devices = work.resolve("devices");
        BatchResult batch = new DeviceBatch(ca, new BatchOptions(devices, KeyAlgorithm.EC_P256, 30, 2, false),
                reporter).run(requests);

        assertEquals(2, batch.issued().size());
        for (DeviceRecord device : batch.issued()) {
            assertOpensslVerifies(store.certificateFile(), devices.resolve(device.certificateFile()));
        }
    }

    @Test
    void anExistingTokenCaIsReusedAndOnlyForceReplacesItsKey(SoftHsmToken token, @TempDir Path work)
            throws Exception {
        CaStore store = new CaStore(work, "hsm-reuse");
        NewCa spec = inToken(token, "hsm-reuse", KeyAlgorithm.EC_P256);
        var first = store.createOrReuse(spec, pin(token), false, Requester.current("test"), reporter);
        var again = store.createOrReuse(spec, pin(token), false, Requester.current("test"), reporter);
        assertFalse(again.created());
        assertEquals(first.ca().certificate(), again.ca().certificate());

        CaStore elsewhere = new CaStore(work.resolve("other"), "hsm-reuse");
        var taken = assertThrows(InvalidInputException.class, () -> elsewhere.createOrReuse(spec, pin(token), false,
                Requester.current("test"), reporter));
        assertTrue(taken.getMessage().contains("already holds a key 'hsm-reuse'"), taken.getMessage());

        var forced = store.createOrReuse(spec, pin(token), true, Requester.current("test"), reporter);
        assertTrue(forced.created());
        assertNotEquals(first.ca().certificate().getPublicKey(), forced.ca().certificate().getPublicKey());
        // The old certificate no longer has its key: loading it must fail rather than sign with the new key.
        Files.writeString(store.certificateFile(), first.ca().certificatePem());
        var mismatch = assertThrows(InvalidInputException.class, () -> store.load(pin(token),
                Requester.current("test"), reporter));
        assertTrue(mismatch.getMessage().contains("does not belong to the CA certificate"), mismatch.getMessage());
    }

    @Test
    void aMissingOrWrongPinFailsNamingTheParametersNeverThePin(SoftHsmToken token, @TempDir Path work)
            throws Exception {
        CaStore store = new CaStore(work, "hsm-pin");
        store.createOrReuse(inToken(token, "hsm-pin", KeyAlgorithm.EC_P256), pin(token), false,
                Requester.current("test"), reporter);

        var missing = assertThrows(InvalidInputException.class, () -> store.load(CaCredentials.ofPassword(null),
                Requester.current("test"), reporter));
        assertTrue(missing.getMessage().contains("iot.pkcs11.pinServerId")
                && missing.getMessage().contains("iot.pkcs11.pinEnv"), missing.getMessage());
        String wrongPin = "wrong-pin-" + SoftHsmToken.pinText();
        String seen = inFreshProcess(work, "hsm-pin", wrongPin);
        assertTrue(seen.contains("refused the login") && seen.contains("iot.pkcs11.pinEnv"), seen);
        assertFalse(seen.contains(wrongPin), seen);
        assertEquals("LOADED", inFreshProcess(work, "hsm-pin", SoftHsmToken.pinText()).strip(),
                "a wrong attempt does not lock the CA out");
    }

    private static String inFreshProcess(Path folder, String name, String pin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WrongPinProbe.class.getName(), folder.toString(), name)
                .redirectErrorStream(true);
        // The PIN reaches the child through its environment, as iot.pkcs11.pinEnv does, never through argv.
        builder.environment().put("PROBE_PIN", pin);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private static void assertOpensslVerifies(Path caFile, Path certificateFile) throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("openssl", "verify", "-CAfile", caFile.toString(), certificateFile.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed: interop check skipped");
            return;
        }
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.waitFor(), output);
        assertTrue(output.contains(": OK"), output);
    }

    private static void assertNoPin(SoftHsmToken token, Path work, List<String> lines) throws IOException {
        String pin = SoftHsmToken.pinText();
        assertTrue(lines.stream().noneMatch(l -> l.contains(pin)), "PIN in the reported lines");
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(pin), "PIN in " + file);
            }
        }
    }
}
