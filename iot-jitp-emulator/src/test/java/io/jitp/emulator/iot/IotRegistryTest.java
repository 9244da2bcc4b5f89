package io.jitp.emulator.iot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateIds;
import io.jitp.emulator.testing.TestPki;
import io.jitp.emulator.testing.TestPki.Issued;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IotRegistryTest {
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}""";

    @TempDir
    Path stateDir;

    private IotRegistry registry;

    @BeforeEach
    void open() throws Exception {
        registry = IotRegistry.open(stateDir, "eu-west-1", "111122223333");
    }

    private CaCertificate registerCa(Issued ca) {
        Issued verification = TestPki.leaf(ca, "CN=" + registry.registrationCode());
        return registry.registerCaCertificate(ca.pem(), verification.pem(), CertificateMode.DEFAULT, true, true,
                new RegistrationConfig("{}", "arn:aws:iam::111122223333:role/IoTProvisioning", null), null);
    }

    private static void assertError(String code, int status, Runnable call) {
        IotException e = assertThrows(IotException.class, call::run);
        assertEquals(code, e.errorCode(), e.getMessage());
        assertEquals(status, e.httpStatus());
    }

    @Test
    void registrationCodeIsStableHexPerAccountAndRegion() throws Exception {
        String code = registry.registrationCode();
        assertTrue(code.matches("[0-9a-f]{64}"), code);
        assertEquals(code, IotRegistry.open(stateDir.resolve("other"), "eu-west-1", "111122223333")
                .registrationCode());
        assertFalse(code.equals(IotRegistry.open(stateDir, "us-east-1", "111122223333").registrationCode()));
    }

    @Test
    void registersCaWithVerifiedOwnershipIdAndCacertArn() {
        Issued ca = TestPki.ca("CN=root,O=Test");
        CaCertificate registered = registerCa(ca);
        assertEquals(CertificateIds.of(ca.certificate()), registered.id());
        assertTrue(registered.id().matches("[0-9a-f]{64}"));
        assertEquals("arn:aws:iot:eu-west-1:111122223333:cacert/" + registered.id(), registered.arn());
        assertEquals(CaCertificateStatus.ACTIVE, registered.status());
        assertEquals(AutoRegistrationStatus.ENABLE, registered.autoRegistrationStatus());
        assertEquals(ca.certificate(), registered.x509());
    }

    @Test
    void refusesVerificationWithWrongCodeOrWrongSigner() {
        Issued ca = TestPki.ca("CN=root");
        Issued wrongCode = TestPki.leaf(ca, "CN=" + "0".repeat(64));
        assertError("RegistrationCodeValidationException", 400, () -> registry.registerCaCertificate(ca.pem(),
                wrongCode.pem(), CertificateMode.DEFAULT, true, true, null, null));
        Issued impostor = TestPki.ca("CN=root");
        Issued signedByOther = TestPki.leaf(impostor, "CN=" + registry.registrationCode());
        assertError("CertificateValidationException", 400, () -> registry.registerCaCertificate(ca.pem(),
                signedByOther.pem(), CertificateMode.DEFAULT, true, true, null, null));
        assertTrue(registry.caCertificates().isEmpty());
    }

    @Test
    void refusesNonCaMalformedAndMissingOrExtraVerification() {
        Issued notCa = TestPki.notCa("CN=leaf");
        Issued verification = TestPki.leaf(notCa, "CN=" + registry.registrationCode());
        assertError("CertificateValidationException", 400, () -> registry.registerCaCertificate(notCa.pem(),
                verification.pem(), null, true, false, null, null));
        assertError("CertificateValidationException", 400, () -> registry.registerCaCertificate(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", null, null, true, false, null,
                null));
        Issued ca = TestPki.ca("CN=root");
        assertError("InvalidRequestException", 400, () -> registry.registerCaCertificate(ca.pem(), null,
                CertificateMode.DEFAULT, true, false, null, null));
        Issued good = TestPki.leaf(ca, "CN=" + registry.registrationCode());
        assertError("InvalidRequestException", 400, () -> registry.registerCaCertificate(ca.pem(), good.pem(),
                CertificateMode.SNI_ONLY, true, false, null, null));
        CaCertificate sni = registry.registerCaCertificate(ca.pem(), null, CertificateMode.SNI_ONLY, false, false,
                null, null);
        assertEquals(CertificateMode.SNI_ONLY, sni.certificateMode());
        assertEquals(CaCertificateStatus.INACTIVE, sni.status());
    }

    @Test
    void duplicateCaConflictsAndNamesTheExistingOne() {
        Issued ca = TestPki.ca("CN=root");
        CaCertificate first = registerCa(ca);
        IotException e = assertThrows(IotException.class, () -> registerCa(ca));
        assertEquals("ResourceAlreadyExistsException", e.errorCode());
        assertEquals(409, e.httpStatus());
        assertEquals(first.id(), e.details().get("resourceId"));
        assertEquals(first.arn(), e.details().get("resourceArn"));
    }

    @Test
    void limitsCasWithTheSameSubject() {
        for (int i = 0; i < IotRegistry.MAX_CAS_PER_SUBJECT; i++) {
            registerCa(TestPki.ca("CN=same"));
        }
        assertError("LimitExceededException", 410, () -> registerCa(TestPki.ca("CN=same")));
    }

    @Test
    void caUpdateAndDeleteFollowStatusRules() {
        CaCertificate ca = registerCa(TestPki.ca("CN=root"));
        assertError("CertificateStateException", 406, () -> registry.deleteCaCertificate(ca.id()));
        CaCertificate updated = registry.updateCaCertificate(ca.id(), CaCertificateStatus.INACTIVE,
                AutoRegistrationStatus.DISABLE, null, true);
        assertEquals(CaCertificateStatus.INACTIVE, updated.status());
        assertEquals(AutoRegistrationStatus.DISABLE, updated.autoRegistrationStatus());
        assertEquals(null, updated.registrationConfig());
        assertEquals(2, updated.customerVersion());
        registry.deleteCaCertificate(ca.id());
        assertTrue(registry.findCaCertificate(ca.id()).isEmpty());
        assertError("ResourceNotFoundException", 404, () -> registry.deleteCaCertificate(ca.id()));
    }

    @Test
    void findsIssuingCaByNameAndSignature() {
        Issued ca = TestPki.ca("CN=root");
        CaCertificate registered = registerCa(ca);
        Issued device = TestPki.leaf(ca, "CN=device1");
        assertEquals(registered.id(), registry.findIssuingCa(device.certificate()).orElseThrow().id());
        Issued sameNameOtherKey = TestPki.leaf(TestPki.ca("CN=root"), "CN=device2");
        assertTrue(registry.findIssuingCa(sameNameOtherKey.certificate()).isEmpty());
    }

    @Test
    void registersDeviceCertificatesWithAndWithoutCa() {
        Issued ca = TestPki.ca("CN=root");
        CaCertificate registered = registerCa(ca);
        Issued device = TestPki.leaf(ca, "CN=device1");
        Certificate certificate = registry.registerCertificate(device.pem(), ca.pem(), CertificateStatus.ACTIVE);
        assertEquals(registered.id(), certificate.caCertificateId());
        assertEquals("arn:aws:iot:eu-west-1:111122223333:cert/" + certificate.id(), certificate.arn());
        assertError("ResourceAlreadyExistsException", 409,
                () -> registry.registerCertificate(device.pem(), null, null));
        Issued unknownIssuer = TestPki.leaf(TestPki.ca("CN=other"), "CN=device2");
        assertError("CertificateValidationException", 400,
                () -> registry.registerCertificate(unknownIssuer.pem(), null, null));
        Certificate noCa = registry.registerCertificateWithoutCa(unknownIssuer.pem(), null);
        assertEquals(CertificateStatus.INACTIVE, noCa.status());
        assertEquals(CertificateMode.SNI_ONLY, noCa.certificateMode());
        assertEquals(List.of(certificate.id()),
                registry.certificatesByCa(registered.id()).stream().map(Certificate::id).toList());
    }

    @Test
    void jitpRegistrationIsPendingAndIdempotent() {
        Issued ca = TestPki.ca("CN=root");
        CaCertificate registered = registerCa(ca);
        Issued device = TestPki.leaf(ca, "CN=device1");
        Certificate first = registry.registerJitpCertificate(device.certificate(), registered);
        assertEquals(CertificateStatus.PENDING_ACTIVATION, first.status());
        assertEquals(first, registry.registerJitpCertificate(device.certificate(), registered));
        registry.updateCertificateStatus(first.id(), CertificateStatus.ACTIVE);
        assertEquals(CertificateStatus.ACTIVE, registry.findCertificate(first.id()).orElseThrow().status());
    }

    @Test
    void certificateStatusRules() {
        Certificate certificate = registry.registerCertificateWithoutCa(TestPki.ca("CN=x").pem(),
                CertificateStatus.ACTIVE);
        registry.updateCertificateStatus(certificate.id(), CertificateStatus.ACTIVE);
        assertEquals(1, registry.findCertificate(certificate.id()).orElseThrow().customerVersion());
        assertError("InvalidRequestException", 400,
                () -> registry.updateCertificateStatus(certificate.id(), CertificateStatus.PENDING_TRANSFER));
        registry.updateCertificateStatus(certificate.id(), CertificateStatus.REVOKED);
        assertError("CertificateStateException", 406,
                () -> registry.updateCertificateStatus(certificate.id(), CertificateStatus.ACTIVE));
        assertError("ResourceNotFoundException", 404,
                () -> registry.updateCertificateStatus("ab", CertificateStatus.ACTIVE));
    }

    @Test
    void certificateDeletionRules() {
        Certificate certificate = registry.registerCertificateWithoutCa(TestPki.ca("CN=x").pem(),
                CertificateStatus.ACTIVE);
        registry.createThing("thing1", null, null);
        registry.attachThingPrincipal("thing1", certificate.arn());
        registry.createPolicy("p1", POLICY);
        registry.attachPolicy("p1", certificate.arn());
        assertError("CertificateStateException", 406, () -> registry.deleteCertificate(certificate.id(), true));
        registry.updateCertificateStatus(certificate.id(), CertificateStatus.INACTIVE);
        assertError("DeleteConflictException", 409, () -> registry.deleteCertificate(certificate.id(), true));
        registry.detachThingPrincipal("thing1", certificate.arn());
        assertError("DeleteConflictException", 409, () -> registry.deleteCertificate(certificate.id(), false));
        registry.deleteCertificate(certificate.id(), true);
        assertTrue(registry.findCertificate(certificate.id()).isEmpty());
        assertTrue(registry.policyTargets("p1").isEmpty());
    }

    @Test
    void thingsAreIdempotentVersionedAndGuardPrincipals() {
        Thing thing = registry.createThing("dev-1:a_b", null, Map.of("color", "red"));
        assertEquals(1, thing.version());
        assertEquals("dev-1:a_b", thing.defaultClientId());
        assertEquals(thing, registry.createThing("dev-1:a_b", null, Map.of("color", "red")));
        assertError("ResourceAlreadyExistsException", 409,
                () -> registry.createThing("dev-1:a_b", null, Map.of("color", "blue")));
        assertError("InvalidRequestException", 400, () -> registry.createThing("bad name", null, null));
        Thing merged = registry.updateThingAttributes("dev-1:a_b", Map.of("size", "L", "color", ""), true);
        assertEquals(Map.of("size", "L"), merged.attributes());
        assertEquals(2, merged.version());
        assertError("VersionConflictException", 409,
                () -> registry.updateThing("dev-1:a_b", null, false, Map.of(), false, 1L));
        assertError("ResourceNotFoundException", 404, () -> registry.thingPrincipals("nope"));
        Certificate certificate = registry.registerCertificateWithoutCa(TestPki.ca("CN=x").pem(), null);
        assertError("ResourceNotFoundException", 404,
                () -> registry.attachThingPrincipal("dev-1:a_b", registry.arn("cert", "0000")));
        assertFalse(registry.isAttached("dev-1:a_b", certificate.arn()));
        registry.attachThingPrincipal("dev-1:a_b", certificate.arn());
        assertEquals(List.of("dev-1:a_b"), registry.principalThings(certificate.arn()));
        assertTrue(registry.isAttached("dev-1:a_b", certificate.arn()));
        assertFalse(registry.isAttached("nope", certificate.arn()));
        assertError("InvalidRequestException", 400, () -> registry.deleteThing("dev-1:a_b"));
        registry.detachThingPrincipal("dev-1:a_b", certificate.arn());
        assertFalse(registry.isAttached("dev-1:a_b", certificate.arn()));
        registry.deleteThing("dev-1:a_b");
        registry.deleteThing("dev-1:a_b");
        assertTrue(registry.findThing("dev-1:a_b").isEmpty());
    }

    @Test
    void policiesVersionsAndAttachments() {
        assertError("MalformedPolicyException", 400, () -> registry.createPolicy("p", "{not json"));
        assertError("MalformedPolicyException", 400, () -> registry.createPolicy("p", "{\"Statement\":[]}"));
        Policy policy = registry.createPolicy("p", POLICY);
        assertEquals("1", policy.defaultVersionId());
        assertEquals(POLICY, policy.document());
        assertError("ResourceAlreadyExistsException", 409, () -> registry.createPolicy("p", POLICY));
        for (int i = 2; i <= IotRegistry.MAX_POLICY_VERSIONS; i++) {
            registry.createPolicyVersion("p", POLICY.replace("*", "v" + i), i == 3);
        }
        assertEquals("3", registry.findPolicy("p").orElseThrow().defaultVersionId());
        assertTrue(registry.findPolicy("p").orElseThrow().document().contains("v3"));
        assertError("VersionsLimitExceededException", 409, () -> registry.createPolicyVersion("p", POLICY, false));
        assertError("DeleteConflictException", 409, () -> registry.deletePolicyVersion("p", "3"));
        registry.deletePolicyVersion("p", "2");
        assertEquals("6", registry.createPolicyVersion("p", POLICY, false).versionId());

        Certificate certificate = registry.registerCertificateWithoutCa(TestPki.ca("CN=x").pem(), null);
        registry.attachPolicy("p", certificate.arn());
        registry.attachPolicy("p", certificate.arn());
        assertEquals(List.of("p"), registry.attachedPolicies(certificate.arn()).stream().map(Policy::name).toList());
        assertError("DeleteConflictException", 409, () -> registry.deletePolicy("p"));
        registry.detachPolicy("p", certificate.arn());
        assertError("DeleteConflictException", 409, () -> registry.deletePolicy("p"));
        for (String version : List.of("1", "4", "5", "6")) {
            registry.deletePolicyVersion("p", version);
        }
        registry.deletePolicy("p");
        assertError("ResourceNotFoundException", 404, () -> registry.deletePolicy("p"));
    }

    @Test
    void topicRules() {
        TopicRule rule = registry.createTopicRule("loadtestSQSPublisher", "SELECT * FROM 'loadtest'", "2016-03-23",
                false, List.of(new SqsAction("http://localhost/q", "arn:aws:iam::1:role/r", false)));
        assertEquals("arn:aws:iot:eu-west-1:111122223333:rule/loadtestSQSPublisher", rule.arn());
        assertError("ResourceAlreadyExistsException", 409, () -> registry.createTopicRule("loadtestSQSPublisher",
                "SELECT * FROM 'x'", null, false, List.of()));
        assertError("SqlParseException", 400, () -> registry.createTopicRule("r2", "DROP TABLE", null, false,
                List.of()));
        registry.setTopicRuleEnabled("loadtestSQSPublisher", false);
        assertTrue(registry.findTopicRule("loadtestSQSPublisher").orElseThrow().disabled());
        registry.deleteTopicRule("loadtestSQSPublisher");
        assertError("UnauthorizedException", 401, () -> registry.deleteTopicRule("loadtestSQSPublisher"));
    }

    @Test
    void listenersHearChangesAfterTheyAreStored() {
        List<String> events = new ArrayList<>();
        registry.addListener(new RegistryListener() {
            @Override
            public void certificateStatusChanged(Certificate certificate) {
                events.add(certificate.status().name());
            }

            @Override
            public void policyChanged(String policyName) {
                events.add("policy " + policyName + " " + registry.findPolicy(policyName).isPresent());
            }
        });
        Certificate certificate = registry.registerCertificateWithoutCa(TestPki.ca("CN=x").pem(),
                CertificateStatus.ACTIVE);
        registry.updateCertificateStatus(certificate.id(), CertificateStatus.REVOKED);
        registry.createPolicy("p", POLICY);
        registry.deletePolicy("p");
        assertEquals(List.of("ACTIVE", "REVOKED", "policy p true", "policy p false"), events);
    }

    @Test
    void aFailingListenerDoesNotUndoOrFailTheChange() {
        List<String> heard = new ArrayList<>();
        registry.addListener(new RegistryListener() {
            @Override
            public void thingChanged(String thingName) {
                throw new IllegalStateException("listener bug");
            }
        });
        registry.addListener(new RegistryListener() {
            @Override
            public void thingChanged(String thingName) {
                heard.add(thingName);
            }
        });
        registry.createThing("t", null, null);
        assertTrue(registry.findThing("t").isPresent());
        assertEquals(List.of("t"), heard);
    }
}
