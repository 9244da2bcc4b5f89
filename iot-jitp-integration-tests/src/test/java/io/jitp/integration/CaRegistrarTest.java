package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.jitp.CaRegistrar;
import io.jitp.core.jitp.CaRegistrationRequest;
import io.jitp.core.jitp.CaRegistrationResult;
import io.jitp.core.jitp.ProvisioningTemplate;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.DescribeCaCertificateResponse;

import java.nio.file.Path;
import java.security.KeyPairGenerator;

/** register-ca's core against a real stand-in: new, idempotent rerun, drift repaired, lint failures, SNI_ONLY. */
class CaRegistrarTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/IoTProvisioning";
    /** The seed's own template: it declares SerialNumber, which the seed's devices never had. */
    private static final String SEED_TEMPLATE = """
            {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"},
                            "AWS::IoT::Certificate::SerialNumber": {"Type": "String"},
                            "AWS::IoT::Certificate::Id": {"Type": "String"}},
             "Resources": {"certificate": {"Type": "AWS::IoT::Certificate",
                 "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}}}}
            """;

    @TempDir
    static Path state;
    static StandInFixture standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = new StandInFixture(state, false);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static IotClient iot() {
        return standIn.clients.iot();
    }

    private static CaRegistrationResult register(CaRegistrationRequest request) {
        return new CaRegistrar(iot(), standIn.reporter()).register(request);
    }

    private static CaRegistrationRequest request(CertificateAuthority ca, String role) {
        return new CaRegistrationRequest(ca.certificate(), ca, false, ProvisioningTemplate.defaultTemplate(), role,
                SubjectProfile.empty());
    }

    private static long registeredCas() {
        return iot().listCACertificates(r -> { }).certificates().size();
    }

    @Test
    void registersOnceThenLeavesAnUpToDateCaAloneAndRepairsDrift() {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("idem"),
                KeyAlgorithm.EC_P256, 10);
        long before = registeredCas();

        CaRegistrationResult first = register(request(ca, ROLE));
        assertEquals(CaRegistrationResult.REGISTERED, first.action());
        assertEquals(CertificateIds.of(ca.certificate()), first.certificateId());
        DescribeCaCertificateResponse described = iot().describeCACertificate(r -> r.certificateId(first
                .certificateId()));
        assertEquals(CACertificateStatus.ACTIVE, described.certificateDescription().status());
        assertEquals("ENABLE", described.certificateDescription().autoRegistrationStatusAsString());
        assertEquals(ROLE, described.registrationConfig().roleArn());
        assertTrue(ProvisioningTemplate.defaultTemplate().sameAs(described.registrationConfig().templateBody()));

        CaRegistrationResult second = register(request(ca, ROLE));
        assertEquals(CaRegistrationResult.UNCHANGED, second.action());
        assertEquals(first.certificateArn(), second.certificateArn());
        assertTrue(standIn.log.stream().anyMatch(l -> l.contains("already registered and up to date; nothing"
                + " changed")), standIn.log.toString());

        iot().updateCACertificate(r -> r.certificateId(first.certificateId()).newStatus(CACertificateStatus.INACTIVE));
        String otherRole = "arn:aws:iam::123456789012:role/Other";
        CaRegistrationResult third = register(request(ca, otherRole));
        assertEquals(CaRegistrationResult.UPDATED, third.action());
        described = iot().describeCACertificate(r -> r.certificateId(first.certificateId()));
        assertEquals(CACertificateStatus.ACTIVE, described.certificateDescription().status());
        assertEquals(otherRole, described.registrationConfig().roleArn());
        assertTrue(standIn.log.stream().anyMatch(l -> l.contains("updated status INACTIVE -> ACTIVE, role "
                + ROLE + " -> " + otherRole)), standIn.log.toString());
        assertEquals(before + 1, registeredCas(), "the CA was registered twice");
    }

    @Test
    void aTemplateParameterTheDevicesLackFailsBeforeAnythingIsRegistered() {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("lint"),
                KeyAlgorithm.EC_P256, 10);
        ProvisioningTemplate seed = ProvisioningTemplate.parse(SEED_TEMPLATE, "seed.json");
        long before = registeredCas();
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> register(
                new CaRegistrationRequest(ca.certificate(), ca, false, seed, ROLE, SubjectProfile.empty())));
        assertTrue(failure.getMessage().contains("AWS::IoT::Certificate::SerialNumber needs the subject attribute"
                + " serialNumber"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Diot.device.serialNumber=<value>"), failure.getMessage());
        assertEquals(before, registeredCas());

        SubjectProfile withSerial = SubjectProfile.empty().withAttribute("serialNumber", "SN-1");
        assertEquals(CaRegistrationResult.REGISTERED, register(new CaRegistrationRequest(ca.certificate(), ca, false,
                seed, ROLE, withSerial)).action());
    }

    @Test
    void aShortRsaCaKeyFailsTheLint() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        CertificateAuthority weak = CertificateAuthority.create(SubjectProfile.ofCommonName("weak"),
                generator.generateKeyPair(), 10);
        long before = registeredCas();
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> register(request(weak, ROLE)));
        assertTrue(failure.getMessage().contains("RSA key of 1024 bits; AWS IoT needs at least 2048"),
                failure.getMessage());
        assertEquals(before, registeredCas());
    }

    @Test
    void sniOnlyRegistersWithoutTheCaKeyOrAVerificationCertificate() {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("sni"),
                KeyAlgorithm.EC_P256, 10);
        CaRegistrationRequest sni = new CaRegistrationRequest(ca.certificate(), null, true,
                ProvisioningTemplate.defaultTemplate(), ROLE, SubjectProfile.empty());
        CaRegistrationResult result = register(sni);
        assertEquals(CaRegistrationResult.REGISTERED, result.action());
        assertEquals("SNI_ONLY", iot().describeCACertificate(r -> r.certificateId(result.certificateId()))
                .certificateDescription().certificateModeAsString());
        assertEquals(CaRegistrationResult.UNCHANGED, register(sni).action());
    }
}
