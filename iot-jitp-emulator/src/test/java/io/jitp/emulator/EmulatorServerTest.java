package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.state.StateFileException;
import io.jitp.emulator.testing.StandIn;
import io.jitp.emulator.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;

class EmulatorServerTest {
    @TempDir
    Path stateDir;

    /** Records its lifecycle into a shared log. */
    private record Recorder(String name, List<String> log, boolean fail) implements EmulatorComponent {
        @Override
        public void start(EmulatorContext context) {
            log.add("start " + name);
            if (fail) {
                throw new IllegalStateException(name + " refuses to start");
            }
            context.publishMqttPort(8883);
            context.publishAlpnPort(8443);
            context.publishSqsEndpoint(URI.create("http://127.0.0.1:9324"));
            context.component(Recorder.class).ifPresent(first -> log.add(name + " sees " + first.name()));
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    @Test
    void startsComponentsPublishesTheirEndpointsAndClosesInReverse() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        EmulatorServer server = new EmulatorServer(StandIn.config(stateDir),
                List.of(new Recorder("a", log, false), new Recorder("b", log, false)));
        EmulatorEndpoints endpoints = server.start();
        assertEquals(Set.of("start a", "start b", "b sees a"), Set.copyOf(log));
        assertTrue(log.indexOf("b sees a") > log.indexOf("start a"));
        assertEquals(8883, endpoints.mqttPort());
        assertEquals(8443, endpoints.alpnPort());
        assertTrue(endpoints.describe().contains("MQTT with ALPN x-amzn-mqtt-ca (443): localhost:8443"),
                endpoints.describe());
        assertEquals(URI.create("http://127.0.0.1:9324"), endpoints.sqsEndpoint());
        assertEquals(endpoints, EmulatorEndpoints.read(stateDir).orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                stateDir.resolve(EmulatorEndpoints.FILE_NAME))));
        server.close();
        assertEquals(List.of("close b", "close a"), log.subList(3, 5));
        assertFalse(Files.exists(stateDir.resolve(EmulatorEndpoints.FILE_NAME)));
        server.close();
    }

    @Test
    void independentComponentsStartSideBySide() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        EmulatorComponent first = new EmulatorComponent() {
            @Override
            public void start(EmulatorContext context) throws InterruptedException {
                // Only returns true if the second component starts while this one is still starting.
                overlapped.set(secondStarted.await(60, TimeUnit.SECONDS));
            }

            @Override
            public void close() {
            }
        };
        EmulatorComponent second = new EmulatorComponent() {
            @Override
            public void start(EmulatorContext context) {
                secondStarted.countDown();
            }

            @Override
            public void close() {
            }
        };
        try (EmulatorServer server = new EmulatorServer(StandIn.config(stateDir), List.of(first, second))) {
            server.start();
            assertTrue(overlapped.get());
        }
    }

    @Test
    void aFailingComponentStopsWhatStartedAndReleasesTheDirectory() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        EmulatorServer server = new EmulatorServer(StandIn.config(stateDir),
                List.of(new Recorder("a", log, false), new Recorder("b", log, true)));
        IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
        assertEquals("b refuses to start", e.getMessage());
        assertEquals(Set.of("start a", "start b"), Set.copyOf(log.subList(0, 2)));
        assertEquals(List.of("close b", "close a"), log.subList(2, 4));
        assertFalse(Files.exists(stateDir.resolve(EmulatorEndpoints.FILE_NAME)));
        try (StandIn again = StandIn.start(stateDir)) {
            assertTrue(again.endpoints().controlPlaneUrl().getPort() > 0);
        }
    }

    @Test
    void oneStandInPerStateDirectory() throws Exception {
        try (StandIn first = StandIn.start(stateDir)) {
            assertEquals(first.endpoints(), EmulatorEndpoints.read(stateDir).orElseThrow());
            IOException e = assertThrows(IOException.class, () -> StandIn.start(stateDir));
            assertTrue(e.getMessage().contains("Another stand-in is already running"), e.getMessage());
            assertTrue(e.getMessage().contains(stateDir.toAbsolutePath().toString()), e.getMessage());
            assertTrue(Files.exists(stateDir.resolve(EmulatorEndpoints.FILE_NAME)));
        }
    }

    @Test
    void stateAndCredentialsSurviveARestart() throws Exception {
        EmulatorConfig generatedSecret = StandIn.config(stateDir).toBuilder().secretAccessKey(null).build();
        String caId;
        EmulatorEndpoints before;
        String rootCa;
        try (EmulatorServer server = new EmulatorServer(generatedSecret)) {
            before = server.start();
            rootCa = Files.readString(before.rootCaPemPath());
            try (IotClient iot = StandIn.client(before)) {
                var ca = TestPki.ca("CN=survivor");
                String code = iot.getRegistrationCode(r -> { }).registrationCode();
                caId = iot.registerCACertificate(r -> r.caCertificate(ca.pem()).setAsActive(true)
                        .verificationCertificate(TestPki.leaf(ca, "CN=" + code).pem())).certificateId();
                iot.createThing(r -> r.thingName("survivor").attributePayload(p -> p.attributes(Map.of("k", "v"))));
                iot.createPolicy(r -> r.policyName("survivor").policyDocument("""
                        {"Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}"""));
            }
        }
        try (EmulatorServer server = new EmulatorServer(generatedSecret)) {
            EmulatorEndpoints after = server.start();
            assertEquals(before.secretAccessKey(), after.secretAccessKey());
            assertEquals(rootCa, Files.readString(after.rootCaPemPath()));
            try (IotClient iot = StandIn.client(after)) {
                assertEquals(CACertificateStatus.ACTIVE, iot.describeCACertificate(r -> r.certificateId(caId))
                        .certificateDescription().status());
                assertEquals(Map.of("k", "v"), iot.describeThing(r -> r.thingName("survivor")).attributes());
                assertEquals("1", iot.getPolicy(r -> r.policyName("survivor")).defaultVersionId());
            }
        }
    }

    @Test
    void aCorruptStateFileIsAClearErrorAndNothingIsReset() throws Exception {
        Files.createDirectories(stateDir);
        Path registryFile = stateDir.resolve(IotRegistry.STATE_FILE);
        Files.writeString(registryFile, "{ \"things\": ");
        EmulatorServer server = new EmulatorServer(StandIn.config(stateDir));
        StateFileException e = assertThrows(StateFileException.class, server::start);
        assertEquals(registryFile, e.file());
        assertTrue(e.getMessage().contains(registryFile.toAbsolutePath().toString()), e.getMessage());
        assertEquals("{ \"things\": ", Files.readString(registryFile));
        assertFalse(Files.exists(stateDir.resolve(EmulatorEndpoints.FILE_NAME)));
        Files.delete(registryFile);
        try (StandIn again = StandIn.start(stateDir)) {
            assertTrue(again.server().registry().things().isEmpty());
        }
    }

    @Test
    void aRootCaKeyThatCannotBeReadFailsTheStartNamingIt() throws Exception {
        try (StandIn first = StandIn.start(stateDir)) {
            assertTrue(Files.exists(first.endpoints().rootCaPemPath()));
        }
        Path key = stateDir.resolve(StandInAuthority.KEY_FILE);
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        EmulatorServer server = new EmulatorServer(StandIn.config(stateDir));
        RuntimeException e = assertThrows(RuntimeException.class, server::start);
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertFalse(Files.exists(stateDir.resolve(EmulatorEndpoints.FILE_NAME)));
    }
}
