package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.EmulatorEndpoints;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.QuotasMode;
import io.jitp.emulator.testing.StandIn;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * The whole stand-in: a CA registered through the IoT API with the seed's JITP template, devices connecting to the
 * broker published in {@code endpoints.json}, the real provisioning template runner on their first CONNECT.
 */
class StandInJitpTest {

    private static final String SEED_TEMPLATE = """
            {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"},
                            "AWS::IoT::Certificate::Id": {"Type": "String"}},
             "Resources": {
               "thing": {"Type": "AWS::IoT::Thing", "Properties": {
                 "ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"}, "AttributePayload": {}}},
               "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {
                 "CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}},
               "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyName": "IoTAccess"}}}}""";
    /** Declares a parameter the seed's devices (CN only) do not have: provisioning fails. */
    private static final String COUNTRY_TEMPLATE = SEED_TEMPLATE.replace(
            "\"AWS::IoT::Certificate::Id\": {\"Type\": \"String\"}",
            "\"AWS::IoT::Certificate::Id\": {\"Type\": \"String\"}, \"AWS::IoT::Certificate::Country\": {\"Type\": \"String\"}");

    private static final int CONNECTION_RATE_EXCEEDED = 0x9F;

    @TempDir
    static Path state;
    private static EmulatorServer server;
    private static IotClient iot;

    @BeforeAll
    static void start() throws Exception {
        // AWS quotas on, to show a client the 1 CONNECT/s per client id it meets on AWS right after the JITP drop.
        server = EmulatorServer.withDefaultComponents(
                StandIn.config(state).toBuilder().quotasMode(QuotasMode.AWS).build());
        iot = StandIn.client(server.start());
        iot.createPolicy(r -> r.policyName("IoTAccess").policyDocument(BrokerTestbed.SEED_POLICY));
    }

    @AfterAll
    static void stop() throws Exception {
        iot.close();
        server.close();
    }

    private static CertificateAuthority registerCa(String name, String template) {
        CertificateAuthority ca = BrokerTestbed.newCa(name);
        String code = iot.getRegistrationCode().registrationCode();
        X509Certificate verification = ca.issueDeviceCertificate(
                io.jitp.core.pki.KeyAlgorithm.EC_P256.generate().getPublic(), SubjectProfile.ofCommonName(code), 30);
        iot.registerCACertificate(r -> r.caCertificate(ca.certificatePem())
                .verificationCertificate(Pem.encode(verification)).setAsActive(true).allowAutoRegistration(true)
                .registrationConfig(c -> c.templateBody(template)
                        .roleArn("arn:aws:iam::123456789012:role/IoTProvisioning")));
        return ca;
    }

    private static PahoClients clients() throws Exception {
        EmulatorEndpoints endpoints = EmulatorEndpoints.read(state).orElseThrow();
        assertTrue(endpoints.mqttPort() > 0, "endpoints.json carries the MQTT port");
        return new PahoClients(endpoints.mqttPort(), endpoints.rootCaPemPath());
    }

    private static CertificateStatus status(TestDevice device) {
        return iot.describeCertificate(r -> r.certificateId(device.certificateId())).certificateDescription().status();
    }

    @Test
    void theSeedTemplateProvisionsOnTheFirstConnectAndTheSecondConnects() throws Exception {
        TestDevice device = TestDevice.issue(registerCa("seed-root", SEED_TEMPLATE), "seed-device");
        try (PahoClients clients = clients()) {
            MqttException refused = assertThrows(MqttException.class, () -> clients.connect(device));
            assertEquals(0x87, refused.getReasonCode());
            assertEquals(CertificateStatus.ACTIVE, status(device));
            assertEquals("seed-device", iot.describeThing(r -> r.thingName("seed-device")).thingName());
            // With AWS quotas on: one CONNECT per second per client id.
            assertEquals(CONNECTION_RATE_EXCEEDED,
                    assertThrows(MqttException.class, () -> clients.connect(device)).getReasonCode());
            Thread.sleep(1100);
            assertTrue(clients.connect(device).mqtt.isConnected());
        }
    }

    @Test
    void aTemplateParameterMissingFromTheSubjectLeavesTheCertificatePendingActivation() throws Exception {
        TestDevice device = TestDevice.issue(registerCa("country-root", COUNTRY_TEMPLATE), "no-country");
        try (PahoClients clients = clients()) {
            assertEquals(0x87, assertThrows(MqttException.class, () -> clients.connect(device)).getReasonCode());
            assertEquals(CertificateStatus.PENDING_ACTIVATION, status(device));
            Thread.sleep(1100);
            assertEquals(0x87, assertThrows(MqttException.class, () -> clients.connect(device)).getReasonCode());
        }
    }
}
