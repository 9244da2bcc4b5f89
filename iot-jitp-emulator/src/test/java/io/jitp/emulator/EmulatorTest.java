package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line of {@code java -jar iot-jitp-emulator.jar}. */
class EmulatorTest {
    @Test
    void defaultsAreDocumentedAndLoopbackOnly() {
        EmulatorConfig config = Emulator.parse(new String[0], null);
        assertEquals(Path.of(System.getProperty("user.home"), ".iot-jitp", "emulator"), config.stateDirectory());
        assertEquals("127.0.0.1", config.bindAddress());
        assertEquals(0, config.httpPort());
        assertEquals(EmulatorConfig.MQTT_PORT_8883_WHEN_FREE, config.mqttPort(), "8883 when free");
        assertEquals(0, config.alpnPort(), "an ALPN listener on a free port");
        assertEquals("us-east-1", config.region());
        assertEquals("123456789012", config.accountId());
        assertEquals("AKIAIOTJITPSTANDIN00", config.accessKeyId());
        assertNull(config.secretAccessKey());
        assertEquals("localhost", config.dataEndpointHost());
        assertEquals(QuotasMode.OFF, config.quotasMode());
        assertEquals(0, config.parentPid());
        assertEquals(1024 * 1024, config.maxRequestBytes());
        assertTrue(config.faults().isEmpty());
    }

    @Test
    void everyOptionIsRead() {
        EmulatorConfig config = Emulator.parse(new String[] {"--state-dir", "/tmp/s", "--port", "4566",
            "--mqtt-port", "8883", "--alpn-port", "8443", "--bind", "0.0.0.0", "--region", "eu-central-1",
            "--account", "111122223333", "--access-key-id", "AKIAOTHER", "--data-endpoint-host", "iot.local",
            "--quotas", "off", "--exit-with-parent", "4242", "--max-request-bytes", "65536",
            "--faults", "fault=throttling,every=2"}, "from-env");
        assertEquals("faults [throttling every 2; seed 0]", config.faults().toString());
        assertEquals(EmulatorConfig.builder(Path.of("/tmp/s")).httpPort(4566).mqttPort(8883).alpnPort(8443)
                .bindAddress("0.0.0.0").region("eu-central-1").accountId("111122223333").accessKeyId("AKIAOTHER")
                .dataEndpointHost("iot.local").quotasMode(QuotasMode.OFF).secretAccessKey("from-env").parentPid(4242)
                .maxRequestBytes(65536).faults(config.faults()).build(),
                config);
    }

    @Test
    void helpAndMistakes() {
        assertNull(Emulator.parse(new String[] {"--help"}, null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(new String[] {"--nope", "1"},
                null)).getMessage().contains("unknown option --nope"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(new String[] {"--port"},
                null)).getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(new String[] {"--port", "x"},
                null)).getMessage().contains("needs a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(new String[] {"--faults",
                "fault=slow,every=1"}, null)).getMessage().contains("--faults: rule 'fault=slow,every=1': unknown fault"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(new String[] {
                "--max-request-bytes", "0"}, null)).getMessage().contains("max request bytes must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(
                new String[] {"--port", "70000"}, null)).getMessage().contains("httpPort"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(
                new String[] {"--region", "mars"}, null)).getMessage().contains("region"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Emulator.parse(
                new String[] {"--quotas", "some"}, null)).getMessage().contains("aws or off"));
    }
}
