package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.emulator.StandInAuthority;
import io.jitp.emulator.iot.IotRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail closed against the real embedded HiveMQ: a broker whose extension does not start refuses to start and lets
 * nobody in meanwhile (HiveMQ alone would let every client in: it binds its listeners after the failed extension),
 * and an authenticator that throws refuses the CONNECT while the broker keeps serving others.
 */
@Timeout(120)
class MqttBrokerFailClosedTest {

    private static final String POLICY = """
            {"Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}""";

    @Test
    void aBrokerWhoseExtensionFailsRefusesToStartAndLetsNobodyIn(@TempDir Path state) throws Exception {
        IotRegistry registry = IotRegistry.open(state, BrokerTestbed.REGION, BrokerTestbed.ACCOUNT);
        StandInAuthority authority = StandInAuthority.loadOrCreate(state);
        CertificateAuthority ca = BrokerTestbed.newCa("fail-closed-ca");
        BrokerTestbed.register(registry, ca, true, false, null);
        TestDevice device = BrokerTestbed.activeDevice(registry, ca, "fail-closed-device", "Connect", POLICY);
        int port = freePort();
        MqttBroker broker = new MqttBroker(new MqttBrokerSettings(state, "127.0.0.1", port, -1, "localhost", false,
                false), registry, authority,
                (body, certificate, id) -> Optional.empty(), (topic, payload) -> { });
        broker.injectExtensionStartFault(() -> {
            throw new IllegalStateException("injected extension start failure");
        });
        AtomicBoolean starting = new AtomicBoolean(true);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        Thread prober = new Thread(() -> {
            // A registered ACTIVE device with a policy, connecting for as long as the broker is starting.
            while (starting.get()) {
                attempts.incrementAndGet();
                try (PahoClients clients = new PahoClients(port, authority.certificatePath())) {
                    clients.connect(device);
                    connected.incrementAndGet();
                } catch (MqttException | RuntimeException refused) {
                    // Expected: nothing listens yet, or TLS refuses every certificate.
                }
            }
        }, "fail-closed-prober");
        prober.start();
        try {
            IllegalStateException failure = assertThrows(IllegalStateException.class, broker::start);
            assertTrue(String.valueOf(failure.getCause()).contains("injected extension start failure"),
                    "the failure names its cause: " + failure);
        } finally {
            starting.set(false);
            prober.join();
            broker.close();
        }
        assertEquals(0, connected.get(), "no client connected during " + attempts.get() + " attempts");
        try (PahoClients clients = new PahoClients(port, authority.certificatePath())) {
            assertThrows(MqttException.class, () -> clients.connect(device), "nothing serves after the failure");
        }
        try (Stream<Path> left = Files.list(state.resolve("mqtt"))) {
            assertEquals(0, left.filter(path -> path.getFileName().toString().startsWith(MqttBroker.RUN_FOLDER_PREFIX))
                    .count(), "the run folder (with this run's key stores) is removed");
        }
    }

    @Test
    void anAuthenticatorThatThrowsRefusesTheConnectAndKeepsServing(@TempDir Path state) throws Exception {
        try (BrokerTestbed testbed = BrokerTestbed.start(state); PahoClients clients = testbed.clients()) {
            testbed.registry.createPolicy("Connect", POLICY);
            CertificateAuthority ca = testbed.registerJitpCa("throwing-ca", "Connect");
            // The JITP template runner runs inside the authenticator: make it throw, unchecked and as an Error.
            testbed.failTemplates(new IllegalStateException("injected"));
            MqttException unchecked = assertThrows(MqttException.class,
                    () -> clients.connect(TestDevice.issue(ca, "jitp-unchecked")));
            assertEquals(0x87, unchecked.getReasonCode(), unchecked.toString());
            testbed.failTemplates(new AssertionError("injected"));
            MqttException error = assertThrows(MqttException.class,
                    () -> clients.connect(TestDevice.issue(ca, "jitp-error")));
            assertEquals(0x87, error.getReasonCode(), error.toString());

            testbed.failTemplates(null);
            TestDevice good = testbed.activeDevice(ca, "good", "Connect", POLICY);
            assertTrue(clients.connect(good).mqtt.isConnected(), "the broker still serves registered devices");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
