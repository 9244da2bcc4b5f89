package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.RegistrationConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONNECT as AWS IoT decides it: JITP, CA and certificate states, policies, run-time trust of new CAs. */
class MqttBrokerConnectTest {

    /** MQTT 5 CONNACK "Not authorized". */
    private static final int NOT_AUTHORIZED = 0x87;
    private static final String ALLOW_ALL = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path state;
    private static BrokerTestbed testbed;
    private static CertificateAuthority observerCa;
    private PahoClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        testbed = BrokerTestbed.start(state);
        testbed.registry.createPolicy("IoTAccess", BrokerTestbed.SEED_POLICY);
        observerCa = BrokerTestbed.newCa("observers");
        testbed.register(observerCa, true, false, null);
    }

    @AfterAll
    static void stopBroker() {
        testbed.close();
    }

    @AfterEach
    void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    private PahoClients clients() {
        clients = testbed.clients();
        return clients;
    }

    private static int refusal(PahoClients clients, TestDevice device, String clientId) {
        return assertThrows(MqttException.class, () -> clients.connect(device, clientId)).getReasonCode();
    }

    private static CertificateStatus status(TestDevice device) {
        return testbed.registry.findCertificate(device.certificateId()).orElseThrow().status();
    }

    @Test
    void jitpRefusesTheFirstConnectionThenAcceptsTheNextAndPublishesTheRegisteredEvent() throws Exception {
        PahoClients clients = clients();
        PahoClients.Client observer = clients.connect(testbed.activeDevice(observerCa, "observer", "all", ALLOW_ALL));
        observer.mqtt.subscribe("$aws/events/certificates/registered/#", 1);
        // The CA is registered while the broker runs: the very next handshake must trust it.
        CertificateAuthority ca = testbed.registerJitpCa("jitp-root", "IoTAccess");
        TestDevice device = TestDevice.issue(ca, "device-1", KeyAlgorithm.RSA_2048);

        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "device-1"));
        assertEquals(CertificateStatus.ACTIVE, status(device));
        MqttMessage event = observer.received.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "the registered event was published");
        JsonNode json = new ObjectMapper().readTree(event.getPayload());
        assertEquals(device.certificateId(), json.get("certificateId").asText());
        assertEquals("PENDING_ACTIVATION", json.get("certificateStatus").asText());
        assertEquals(BrokerTestbed.ACCOUNT, json.get("awsAccountId").asText());
        String caId = testbed.registry.findCertificate(device.certificateId()).orElseThrow().caCertificateId();
        assertEquals("$aws/events/certificates/registered/" + caId, observer.topics.poll());

        PahoClients.Client connected = clients.connect(device, "device-1");
        assertTrue(connected.mqtt.isConnected());
    }

    @Test
    void aFailedTemplateLeavesTheCertificatePendingActivationAndRefused() {
        CertificateAuthority ca = testbed.registerJitpCa("broken-template-root", "NoSuchPolicy");
        TestDevice device = TestDevice.issue(ca, "device-2");
        PahoClients clients = clients();

        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "device-2"));
        assertEquals(CertificateStatus.PENDING_ACTIVATION, status(device));
        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "device-2"));
        assertEquals(CertificateStatus.PENDING_ACTIVATION, status(device));
    }

    @Test
    void certificatesOfUnknownCasFailTheHandshakeAndRegisterNothing() {
        TestDevice device = TestDevice.issue(BrokerTestbed.newCa("unknown-root"), "device-3");
        int code = refusal(clients(), device, "device-3");
        assertNotEquals(NOT_AUTHORIZED, code, "refused at the TLS handshake, before any CONNACK");
        assertTrue(testbed.registry.findCertificate(device.certificateId()).isEmpty());
    }

    @Test
    void inactiveCaOrDisabledAutoRegistrationRefusesWithoutRegistering() {
        RegistrationConfig config = new RegistrationConfig("IoTAccess", null, null);
        CertificateAuthority inactive = BrokerTestbed.newCa("inactive-root");
        testbed.register(inactive, false, true, config);
        CertificateAuthority noAuto = BrokerTestbed.newCa("no-auto-root");
        testbed.register(noAuto, true, false, config);
        PahoClients clients = clients();

        for (TestDevice device : new TestDevice[] {TestDevice.issue(inactive, "device-4"),
                TestDevice.issue(noAuto, "device-5")}) {
            assertEquals(NOT_AUTHORIZED, refusal(clients, device, device.name()));
            assertTrue(testbed.registry.findCertificate(device.certificateId()).isEmpty());
        }
    }

    @Test
    void inactiveOrRevokedCertificatesAreRefused() throws Exception {
        TestDevice device = testbed.activeDevice(observerCa, "device-6", "IoTAccess", BrokerTestbed.SEED_POLICY);
        PahoClients clients = clients();
        clients.connect(device).mqtt.disconnect();

        testbed.registry.updateCertificateStatus(device.certificateId(), CertificateStatus.INACTIVE);
        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "device-6"));
        testbed.registry.updateCertificateStatus(device.certificateId(), CertificateStatus.REVOKED);
        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "device-6"));
    }

    @Test
    void connectNeedsAPolicyThatAllowsTheClientId() throws Exception {
        TestDevice device = testbed.activeDevice(observerCa, "device-7", "IoTAccess", BrokerTestbed.SEED_POLICY);
        PahoClients clients = clients();
        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "someone-else"));
        assertTrue(clients.connect(device, "device-7").mqtt.isConnected());

        testbed.registry.detachPolicy("IoTAccess", testbed.registry.arn("cert", device.certificateId()));
        assertEquals(NOT_AUTHORIZED, refusal(clients, device, "device-7"));
    }
}
