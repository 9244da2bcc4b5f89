package io.jitp.emulator.jitp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateIds;
import io.jitp.emulator.iot.CaCertificate;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.CertificateMode;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.Policy;
import io.jitp.emulator.iot.RegistrationConfig;
import io.jitp.emulator.iot.Thing;
import io.jitp.emulator.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningTemplateRunnerTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";

    @TempDir
    Path state;
    private IotRegistry registry;
    private TestPki.Issued ca;
    private CaCertificate registeredCa;
    private final ProvisioningTemplateRunner runner = new ProvisioningTemplateRunner();

    @BeforeEach
    void registerCa() throws IOException {
        registry = IotRegistry.open(state, "eu-west-1", "123456789012");
        ca = TestPki.ca("CN=root,C=LU,O=AWS,OU=Demo");
        registeredCa = registry.registerCaCertificate(ca.pem(), null, CertificateMode.SNI_ONLY, true, true,
                new RegistrationConfig(seedTemplate(), "arn:aws:iam::123456789012:role/IoTProvisioning", null), null);
    }

    private static String seedTemplate() throws IOException {
        try (InputStream in = ProvisioningTemplateRunnerTest.class.getResourceAsStream("/templates/jitp-template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Certificate connect(String subject) {
        return registry.registerJitpCertificate(TestPki.leaf(ca, subject).certificate(), registeredCa);
    }

    private ProvisioningOutcome run(String template, Certificate certificate) {
        return runner.run(template, certificate.x509(), certificate.id(), registry);
    }

    @Test
    void theSeedTemplateCreatesTheThingAttachesIoTAccessAndActivatesTheCertificate() throws IOException {
        registry.createPolicy("IoTAccess", POLICY);
        Certificate device = connect("CN=sensor-1,serialNumber=SN-0001");
        ProvisioningOutcome outcome = run(seedTemplate(), device);

        assertTrue(outcome.success(), outcome::reason);
        assertEquals("sensor-1", outcome.thingName());
        Thing thing = registry.findThing("sensor-1").orElseThrow();
        assertEquals(Map.of(), thing.attributes());
        assertEquals(List.of(device.arn()), registry.thingPrincipals("sensor-1"));
        assertEquals(List.of("IoTAccess"), registry.attachedPolicies(device.arn()).stream().map(Policy::name).toList());
        assertEquals(CertificateStatus.ACTIVE, registry.findCertificate(device.id()).orElseThrow().status());
        assertEquals(CertificateIds.of(device.x509()), device.id());
    }

    @Test
    void aParameterMissingFromTheSubjectFailsWithTheExactReasonAndChangesNothing() throws IOException {
        registry.createPolicy("IoTAccess", POLICY);
        Certificate device = connect("CN=sensor-2");
        ProvisioningOutcome outcome = run(seedTemplate(), device);

        assertFalse(outcome.success());
        assertEquals("Parameter AWS::IoT::Certificate::SerialNumber is declared by the template but the certificate "
                + "subject has no SERIALNUMBER attribute and the parameter has no Default", outcome.reason());
        assertEquals(CertificateStatus.PENDING_ACTIVATION, registry.findCertificate(device.id()).orElseThrow().status());
        assertTrue(registry.findThing("sensor-2").isEmpty());
    }

    @Test
    void aDefaultStandsInForAMissingAttribute() throws IOException {
        registry.createPolicy("IoTAccess", POLICY);
        String template = seedTemplate().replace("\"AWS::IoT::Certificate::SerialNumber\": {\"Type\": \"String\"}",
                "\"AWS::IoT::Certificate::SerialNumber\": {\"Type\": \"String\", \"Default\": \"none\"}");
        assertTrue(run(template, connect("CN=sensor-3")).success());
    }

    @Test
    void aPolicyThatDoesNotExistFailsAndTheCertificateStaysPending() throws IOException {
        Certificate device = connect("CN=sensor-4,serialNumber=4");
        ProvisioningOutcome outcome = run(seedTemplate(), device);
        assertEquals("Policy IoTAccess named by resource policy does not exist", outcome.reason());
        assertEquals(CertificateStatus.PENDING_ACTIVATION, registry.findCertificate(device.id()).orElseThrow().status());
        assertTrue(registry.findThing("sensor-4").isEmpty(), "nothing is created when a later resource fails");
    }

    @Test
    void intrinsicsInlinePolicyDocumentAndAttributeMergeOverride() {
        registry.createThing("LU-sensor-5", null, Map.of("kept", "yes", "version", "v0"));
        String template = """
                {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"},
                                "AWS::IoT::Certificate::Country": {"Type": "String"},
                                "AWS::IoT::Certificate::OrganizationalUnit": {"Type": "String"},
                                "AWS::IoT::Certificate::Id": {"Type": "String"}},
                 "Resources": {
                   "thing": {"Type": "AWS::IoT::Thing",
                     "OverrideSettings": {"AttributePayload": "MERGE", "ThingTypeName": "REPLACE"},
                     "Properties": {
                       "ThingName": {"Fn::Join": ["-", [{"Ref": "AWS::IoT::Certificate::Country"},
                                                        {"Ref": "AWS::IoT::Certificate::CommonName"}]]},
                       "AttributePayload": {"version": "v1",
                         "site": {"Fn::Select": [0, {"Fn::Split": ["/", {"Ref": "AWS::IoT::Certificate::OrganizationalUnit"}]}]}}}},
                   "certificate": {"Type": "AWS::IoT::Certificate",
                     "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}},
                   "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyDocument": {"Fn::Sub":
                     "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iot:Publish\\",\\"Resource\\":\\"arn:aws:iot:*:*:topic/${AWS::IoT::Certificate::CommonName}/${iot:ClientId}\\"}]}"}}}
                 }}""";
        Certificate device = connect("CN=sensor-5,C=LU,OU=plant-a/line-2");
        ProvisioningOutcome outcome = run(template, device);

        assertTrue(outcome.success(), outcome::reason);
        assertEquals(Map.of("kept", "yes", "version", "v1", "site", "plant-a"),
                registry.findThing("LU-sensor-5").orElseThrow().attributes());
        Policy policy = registry.attachedPolicies(device.arn()).get(0);
        assertTrue(policy.document().contains("topic/sensor-5/${iot:ClientId}"), policy.document());
        assertEquals(64, policy.name().length(), "an inline document's policy is named after its hash");
    }

    @Test
    void overrideFailOnAnExistingThingAndUnsupportedParametersOrTypesAreRefused() {
        registry.createThing("sensor-6", null, Map.of());
        Certificate device = connect("CN=sensor-6");
        String failing = """
                {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"}},
                 "Resources": {"thing": {"Type": "AWS::IoT::Thing", "OverrideSettings": {"AttributePayload": "FAIL"},
                   "Properties": {"ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"}}}}}""";
        assertEquals("Thing sensor-6 already exists and OverrideSettings.AttributePayload is FAIL",
                run(failing, device).reason());
        assertTrue(run("{\"Parameters\": {\"Region\": {\"Type\": \"String\"}}, \"Resources\": {}}", device)
                .reason().startsWith("Parameter Region is not allowed"));
        assertTrue(run("{\"Resources\": {\"q\": {\"Type\": \"AWS::SQS::Queue\"}}}", device).reason()
                .contains("AWS::SQS::Queue, which provisioning templates do not support"));
        assertTrue(run("{\"Resources\": {\"t\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {\"ThingName\": "
                + "{\"Fn::If\": [\"c\", \"a\", \"b\"]}}}}}", device).reason().contains("Fn::If"));
        assertTrue(run("{not json", device).reason().startsWith("Invalid provisioning template"));
        assertTrue(run("{\"Resources\": {\"t\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {\"ThingName\": "
                + "{\"Ref\": \"Nope\"}}}}}", device).reason().contains("Ref to Nope, which is not a declared parameter"));
        assertEquals(CertificateStatus.PENDING_ACTIVATION, registry.findCertificate(device.id()).orElseThrow().status());
    }

    @Test
    void devicesProvisionedTogetherShareTheInlinePolicyOfTheSameDocument() throws Exception {
        String template = """
                {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"}},
                 "Resources": {
                   "thing": {"Type": "AWS::IoT::Thing",
                     "Properties": {"ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"}}},
                   "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyDocument": "%s"}}}}"""
                .formatted(POLICY.replace("\"", "\\\""));
        List<Certificate> devices = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(connect("CN=fleet-" + i));
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ProvisioningOutcome>> outcomes = new java.util.ArrayList<>();
            for (Certificate device : devices) {
                outcomes.add(threads.submit(() -> run(template, device)));
            }
            for (java.util.concurrent.Future<ProvisioningOutcome> outcome : outcomes) {
                assertTrue(outcome.get().success(), outcome.get()::reason);
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(1, registry.policies().size());
        for (Certificate device : devices) {
            assertEquals(1, registry.attachedPolicies(device.arn()).size());
        }
    }

    @Test
    void theTemplateReadOnceStillFollowsAnUpdatedRegistrationConfig() throws IOException {
        registry.createPolicy("IoTAccess", POLICY);
        registry.createPolicy("Updated", POLICY);
        String first = seedTemplate();
        String updated = first.replace("\"IoTAccess\"", "\"Updated\"");
        assertFalse(first.equals(updated));

        Certificate[] devices = new Certificate[4];
        String[] templates = {first, first, updated, first};
        for (int i = 0; i < devices.length; i++) {
            devices[i] = connect("CN=cached-" + i + ",serialNumber=SN-" + i);
            ProvisioningOutcome outcome = run(templates[i], devices[i]);
            assertTrue(outcome.success(), outcome::reason);
            assertEquals("cached-" + i, outcome.thingName());
        }

        String[] policies = {"IoTAccess", "IoTAccess", "Updated", "IoTAccess"};
        for (int i = 0; i < devices.length; i++) {
            assertEquals(List.of(policies[i]), registry.attachedPolicies(devices[i].arn()).stream().map(Policy::name)
                    .toList(), "device " + i);
            assertEquals(List.of(devices[i].arn()), registry.thingPrincipals("cached-" + i));
        }
    }
}
