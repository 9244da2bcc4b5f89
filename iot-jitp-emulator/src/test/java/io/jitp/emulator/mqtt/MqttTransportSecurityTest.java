package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.emulator.faults.FaultKind;
import io.jitp.emulator.faults.FaultPlan;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the MQTT listener lets in at the transport: TLS 1.2 and up only, a client certificate always, no plain TCP;
 * and the {@code mqtt-drop} fault, which closes a connection right after its CONNACK.
 */
class MqttTransportSecurityTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final FaultPlan FAULTS = FaultPlan.parse("fault=mqtt-drop,every=1,operation=CONNECT dropped-*");

    @TempDir
    static Path state;
    @TempDir
    static Path files;
    private static BrokerTestbed testbed;
    private static TestDevice device;
    private static Path certificateFile;

    @BeforeAll
    static void startBroker() throws Exception {
        testbed = new BrokerTestbed(state, MqttBrokerSettings.loopback(state, "local-ats.iot.eu-west-1.amazonaws.com"),
                FAULTS);
        CertificateAuthority ca = BrokerTestbed.newCa("transport-root");
        testbed.register(ca, true, false, null);
        device = testbed.activeDevice(ca, "device-t", "AllowAll",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}");
        certificateFile = device.writeFiles(files);
    }

    @AfterAll
    static void stopBroker() {
        testbed.close();
    }

    @Test
    void tls12IsAcceptedAndTls11Refused() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "SKIPPED: /usr/bin/openssl is not installed");
        String tls12 = handshake("-tls1_2", true);
        assertTrue(tls12.contains("Protocol version: TLSv1.2"), tls12);
        // SECLEVEL=0 lets this openssl offer TLS 1.1 at all: the refusal must come from the stand-in.
        String tls11 = handshake("-tls1_1", true);
        System.out.println("openssl s_client -tls1_1 against the stand-in: " + tls11.strip());
        assertFalse(tls11.contains("Protocol version: TLSv1.1"), tls11);
        assertTrue(tls11.contains("alert protocol version"), "the server's alert 70, not a client refusal: " + tls11);
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "SKIPPED: /usr/bin/openssl is not installed");
        String anonymous = handshake("-tls1_2", false);
        assertFalse(anonymous.contains("Protocol version: TLSv1.2"), anonymous);
        assertTrue(anonymous.contains("alert"), anonymous);
    }

    @Test
    void plainTcpGetsNoMqttAnswer() throws Exception {
        // MQTT 3.1.1 CONNECT, client id "p", sent in the clear.
        byte[] connect = {0x10, 0x0d, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3c, 0x00, 0x01, 'p'};
        try (Socket socket = new Socket("127.0.0.1", testbed.broker.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(connect);
            InputStream in = socket.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (IOException reset) {
                first = -1;
            }
            assertNotEquals(0x20, first, "no CONNACK over plain TCP");
        }
    }

    @Test
    void mqttDropClosesTheConnectionAfterItsConnack() throws Exception {
        try (PahoClients clients = testbed.clients()) {
            long before = FAULTS.injected(FaultKind.MQTT_DROP);
            PahoClients.Client dropped = clients.connect(device, "dropped-1");
            assertNotNull(dropped.disconnects.poll(20, TimeUnit.SECONDS), "the connection was dropped");
            assertFalse(dropped.mqtt.isConnected());
            assertEquals(before + 1, FAULTS.injected(FaultKind.MQTT_DROP));

            PahoClients.Client kept = clients.connect(device, "kept-1");
            kept.mqtt.publish("kept/topic", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
            assertTrue(kept.mqtt.isConnected(), "other client ids are not affected");
        }
    }

    /** Runs {@code openssl s_client} against the broker and returns what it printed. */
    private static String handshake(String version, boolean withCertificate) throws Exception {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString(), "s_client", "-connect",
                "127.0.0.1:" + testbed.broker.port(), version, "-cipher", "DEFAULT@SECLEVEL=0", "-brief",
                "-CAfile", testbed.broker.rootCaPem().toString()));
        if (withCertificate) {
            command.addAll(List.of("-cert", certificateFile.toString(), "-key",
                    certificateFile.resolveSibling("device-t.key").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return output;
    }
}
