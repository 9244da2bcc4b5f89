package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.mqtt.DeviceClient;
import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttRefusedException;
import io.jitp.core.mqtt.MqttVersion;
import io.jitp.core.mqtt.ReceivedMessage;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The core's device client against the stand-in: JITP first-connection drop, round trip, refusals, versions, ALPN. */
@ExtendWith(SharedStandIn.class)
class DeviceClientTest {
    @TempDir
    static Path devices;
    private static DeviceStandIn standIn;
    private static BatchResult batch;

    @BeforeAll
    static void start(DeviceStandIn shared) throws Exception {
        standIn = shared;
        batch = DeviceStandIn.issue(standIn.registerCa("client-root", "IoTAccess"), devices, "client-", 4);
    }

    private static DeviceIdentity device(int index) throws Exception {
        DeviceRecord record = batch.manifest().devices().get(index);
        return DeviceIdentity.fromFiles(devices.resolve(record.certificateFile()), devices.resolve(record.keyFile()));
    }

    private static void roundTrip(DeviceClient client) throws Exception {
        String topic = client.clientId();
        byte[] payload = ("hello from " + topic).getBytes(StandardCharsets.UTF_8);
        client.subscribe(topic, 1);
        client.publish(topic, payload, 1);
        ReceivedMessage message = client.nextMessage(Duration.ofSeconds(10));
        assertNotNull(message, "own message received");
        assertEquals(topic, message.topic());
        assertArrayEquals(payload, message.payload());
    }

    @Test
    void mqtt5SurvivesTheJitpDropAndRoundTrips() throws Exception {
        try (DeviceClient client = DeviceClient.create(device(0), standIn.mqtt())) {
            JitpConnector.Connected connected = JitpConnector.DEFAULT.connect(client);
            assertEquals(2, connected.attempts(), "first connection provisions and is refused, second connects");
            assertTrue(connected.jitpDelayNanos() >= JitpConnector.MIN_DELAY.toNanos(), "waited at least 1.1 s");
            assertTrue(connected.handshakeNanos() > 0);
            roundTrip(client);
            MqttRefusedException refused = assertThrows(MqttRefusedException.class,
                    () -> client.publish("someone-else", new byte[] {1}, 1));
            assertTrue(refused.reasonCode() == 0x87 || refused.reasonCode() == MqttRefusedException.NO_REASON_CODE,
                    refused.getMessage());
        }
    }

    @Test
    void mqtt311RoundTripsAndIsDroppedOnAForeignTopic() throws Exception {
        try (DeviceClient client = DeviceClient.create(device(1), standIn.mqtt().withVersion(MqttVersion.V3_1_1))) {
            assertEquals(2, JitpConnector.DEFAULT.connect(client).attempts());
            roundTrip(client);
            assertThrows(MqttRefusedException.class, () -> client.publish("someone-else", new byte[] {1}, 1));
            assertTrue(!client.isConnected());
        }
    }

    @Test
    void alpnPortConnectsWithTheProtocolAndRefusesWithoutIt() throws Exception {
        MqttEndpoint alpn = standIn.mqtt().withPort(standIn.alpnPort, true);
        try (DeviceClient client = DeviceClient.create(device(2), alpn)) {
            JitpConnector.DEFAULT.connect(client);
            roundTrip(client);
        }
        try (DeviceClient client = DeviceClient.create(device(2), standIn.mqtt().withPort(standIn.alpnPort, false))) {
            assertThrows(IOException.class, () -> new JitpConnector(1, Duration.ZERO, Duration.ZERO)
                    .connect(client));
        }
    }

    @Test
    void aServerTheDeviceDoesNotTrustFailsAtTlsWithoutRetrying() throws Exception {
        CertificateAuthority other = CertificateAuthority.create(SubjectProfile.ofCommonName("not-the-server"),
                KeyAlgorithm.EC_P256, 30);
        MqttEndpoint wrongTrust = new MqttEndpoint(standIn.connection.mqttHost(), standIn.connection.mqttPort(),
                false, List.of(other.certificate()), MqttVersion.V5, Duration.ofSeconds(10));
        try (DeviceClient client = DeviceClient.create(device(0), wrongTrust)) {
            long start = System.nanoTime();
            IOException failure = assertThrows(IOException.class, () -> JitpConnector.DEFAULT.connect(client));
            assertFalse(failure instanceof MqttRefusedException, failure.toString());
            assertTrue(failure.getMessage().startsWith("Cannot connect as client-0 to "), failure.getMessage());
            assertTrue(System.nanoTime() - start < JitpConnector.MIN_DELAY.toNanos(), "no reconnect wait");
        }
    }

    @Test
    void aCertificateFromAnUnregisteredCaCannotConnectAndTheReasonIsNamed(@TempDir Path folder) throws Exception {
        CertificateAuthority unregistered = CertificateAuthority.create(
                SubjectProfile.ofCommonName("unregistered-root"), KeyAlgorithm.EC_P256, 30);
        DeviceRecord record = DeviceStandIn.issue(unregistered, folder, "stranger-", 1).manifest().devices().get(0);
        try (DeviceClient client = DeviceClient.create(DeviceIdentity.find(folder, record.id()), standIn.mqtt())) {
            // The stand-in ends such a connection during or right after the handshake: either way the device
            // cannot connect, and the message says as whom and why, never Paho's "Untranslated MqttException".
            IOException failure = assertThrows(IOException.class,
                    () -> new JitpConnector(2, Duration.ZERO, Duration.ZERO).connect(client));
            assertTrue(failure.getMessage().startsWith("CONNECT as stranger-0 (2 attempts) refused: ")
                    || failure.getMessage().startsWith("Cannot connect as stranger-0 to "), failure.getMessage());
            assertFalse(failure.getMessage().contains("Untranslated"), failure.getMessage());
        }
    }

    @Test
    void aDeviceRefusedEveryTimeFailsAfterTheBoundedAttempts() throws Exception {
        DeviceIdentity device = device(3);
        try (DeviceClient client = DeviceClient.create(device, standIn.mqtt())) {
            JitpConnector.DEFAULT.connect(client);
        }
        standIn.iot.updateCertificate(r -> r.certificateId(device.certificateId()).newStatus("REVOKED"));
        try (DeviceClient client = DeviceClient.create(device, standIn.mqtt())) {
            MqttRefusedException refused = assertThrows(MqttRefusedException.class,
                    () -> new JitpConnector(2, Duration.ZERO, Duration.ZERO).connect(client));
            assertTrue(refused.getMessage().contains("2 attempts"), refused.getMessage());
        }
    }
}
