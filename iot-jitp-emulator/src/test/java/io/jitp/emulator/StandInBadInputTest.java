package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in process refuses unusable ports and state directories with one line naming the option and the fix,
 * without a stack trace, and leaves nothing behind (no endpoints.json a goal could mistake for a running stand-in).
 * CI runs as root, so an unusable directory is a regular file in its place, never a chmod.
 */
class StandInBadInputTest {
    @TempDir
    Path dir;

    @Test
    void aControlPlanePortInUseNamesThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String error = failToStart("--port", String.valueOf(taken.getLocalPort()));
            assertTrue(error.contains("port " + taken.getLocalPort()) && error.contains("already in use")
                    && error.contains("--port"), error);
        }
    }

    @Test
    void anMqttPortInUseNamesThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String error = failToStart("--mqtt-port", String.valueOf(taken.getLocalPort()));
            assertTrue(error.contains("port " + taken.getLocalPort()) && error.contains("already in use")
                    && error.contains("--mqtt-port"), error);
        }
    }

    @Test
    void aRegularFileWhereTheStateDirectoryShouldBeIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("state"), "not a directory");
        String error = failToStartIn(file);
        assertTrue(error.contains(file.toString()) && error.contains("--state-dir"), error);
        assertEquals("not a directory", Files.readString(file), "the file is left alone");
    }

    @Test
    void aStateDirectoryUnderARegularFileIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        String error = failToStartIn(file.resolve("state"));
        assertTrue(error.contains(file.resolve("state").toString()) && error.contains("--state-dir"), error);
    }

    @Test
    void aCorruptRegistryFileIsNamedAndKept() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path registry = Files.writeString(state.resolve("iot-registry.json"), "{\"things\": [");
        String error = failToStartIn(state);
        assertTrue(error.contains(registry.toString()), error);
        assertEquals("{\"things\": [", Files.readString(registry), "a corrupt file is never reset");
        assertFalse(Files.exists(state.resolve(EmulatorEndpoints.FILE_NAME)));
    }

    @Test
    void aRootCaThatCannotBeWrittenIsNamedThoughItIsCreatedBesideTheBrokersStart() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        // A folder where the CA's key file goes (CI runs as root: no chmod); the broker waits for its key stores.
        Path key = Files.createDirectories(state.resolve(StandInAuthority.KEY_FILE));
        Files.writeString(key.resolve("occupied"), "x");
        String error = failToStart(new String[] {"--state-dir", state.toString(), "--port", "0", "--mqtt-port", "0"});
        assertTrue(error.contains(key.toString()) && error.contains("root CA"), error);
        assertFalse(Files.exists(state.resolve(StandInAuthority.CERTIFICATE_FILE)));
    }

    private String failToStart(String option, String value) {
        return failToStart(new String[] {"--state-dir", dir.resolve("state").toString(), option, value});
    }

    private String failToStartIn(Path state) {
        return failToStart(new String[] {"--state-dir", state.toString()});
    }

    private String failToStart(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Emulator.run(Emulator.parse(args, null), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, error);
        assertTrue(error.startsWith("iot-jitp-emulator: "), error);
        assertEquals(1, error.strip().lines().count(), "one line, no stack trace: " + error);
        assertFalse(error.contains("Exception") || error.contains("\tat "), error);
        if (Files.isDirectory(dir.resolve("state"))) {
            assertFalse(Files.exists(dir.resolve("state").resolve(EmulatorEndpoints.FILE_NAME)));
        }
        return error;
    }
}
