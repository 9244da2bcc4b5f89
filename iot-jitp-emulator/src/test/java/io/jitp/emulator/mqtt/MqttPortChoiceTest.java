package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "8883 when free", tested against a port this test holds itself (never 8883: tests must not depend on it being
 * free or taken).
 */
class MqttPortChoiceTest {

    private static final int PREFER = MqttBrokerSettings.STANDARD_PORT_WHEN_FREE;

    @TempDir
    Path locks;

    @Test
    void theStandardPortIsTakenWhenFreeAndLockedUntilTheBrokerListens() throws Exception {
        int free = freePort();
        try (MqttPortChoice choice = MqttPortChoice.choose("127.0.0.1", PREFER, free, locks, "--mqtt-port")) {
            assertEquals(free, choice.port());
            assertTrue(choice.reason().contains("standard"), choice.reason());
            try (FileChannel lock = FileChannel.open(locks.resolve("iot-jitp-emulator-mqtt-" + free + ".lock"),
                    StandardOpenOption.WRITE)) {
                // Another stand-in (here: this JVM) cannot take the lock while the choice is open.
                assertThrows(OverlappingFileLockException.class, lock::tryLock);
            }
        }
    }

    @Test
    void aTakenStandardPortFallsBackToAFreePortAndSaysWhy() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             MqttPortChoice choice = MqttPortChoice.choose("127.0.0.1", PREFER, held.getLocalPort(), locks, "--mqtt-port")) {
            assertNotEquals(held.getLocalPort(), choice.port());
            assertTrue(choice.port() > 0);
            assertTrue(choice.reason().contains("standard port " + held.getLocalPort() + " is in use"),
                    choice.reason());
        }
    }

    @Test
    void anExplicitPortIsUsedOrRefusedWithItsNumber() throws Exception {
        int free = freePort();
        try (MqttPortChoice choice = MqttPortChoice.choose("127.0.0.1", free, 1, locks, "--mqtt-port")) {
            assertEquals(free, choice.port());
        }
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException taken = assertThrows(IOException.class,
                    () -> MqttPortChoice.choose("127.0.0.1", held.getLocalPort(), 1, locks, "--mqtt-port"));
            assertTrue(taken.getMessage().contains("MQTT port " + held.getLocalPort()), taken.getMessage());
        }
        try (MqttPortChoice any = MqttPortChoice.choose("127.0.0.1", 0, 1, locks, "--mqtt-port")) {
            assertTrue(any.port() > 0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
