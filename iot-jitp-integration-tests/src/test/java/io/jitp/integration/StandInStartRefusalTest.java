package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.emulator.StandInEndpoints;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a goal shows when the stand-in cannot start (a busy port, a file in place of its state directory): a user
 * mistake naming the port or path and the option, and no endpoints left behind.
 */
class StandInStartRefusalTest {
    @TempDir
    Path state;

    @Test
    void aBusyControlPlanePortIsAUserErrorNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmulatorProcess process = new EmulatorProcess(state, Duration.ofMinutes(2), new RecordingReporter());

            var e = assertThrows(InvalidInputException.class, () -> process.startOrReuse(
                    () -> Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                            .map(Path::of).toList(),
                    false, List.of("--port", String.valueOf(taken.getLocalPort()))));

            assertTrue(e.getMessage().startsWith("The stand-in exited with code 1 while starting:"), e.getMessage());
            assertTrue(e.getMessage().contains("iot-jitp-emulator: cannot start: Control-plane port "
                    + taken.getLocalPort() + " on 127.0.0.1 is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("choose another port with --port"), e.getMessage());
            assertFalse(e.getMessage().contains("\tat "), "no stack trace: " + e.getMessage());
            assertTrue(StandInEndpoints.read(state).isEmpty());
        }
    }

    @Test
    void aRegularFileWhereTheStateDirectoryGoesIsAUserErrorNamingIt() throws Exception {
        Path file = Files.writeString(state.resolve("state"), "not a folder");
        EmulatorProcess process = new EmulatorProcess(file, Duration.ofMinutes(2), new RecordingReporter());

        var e = assertThrows(InvalidInputException.class, () -> process.startOrReuse(
                () -> { throw new AssertionError("nothing is resolved for a state directory that cannot exist"); },
                false, List.of()));

        assertTrue(e.getMessage().startsWith("Cannot create the stand-in state directory (iot.emulator.stateDirectory) "
                + file), e.getMessage());
        assertEquals("not a folder", Files.readString(file));
    }
}
