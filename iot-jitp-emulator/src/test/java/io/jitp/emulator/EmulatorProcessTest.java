package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.testing.StandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;

/** The stand-in as the plugin runs it: its own JVM, endpoints.json as the readiness signal, SIGTERM to stop. */
class EmulatorProcessTest {
    /** Generous bound for a loaded CI machine; the figure printed is what matters. */
    private static final long READY_TIMEOUT_MS = 60_000;

    @TempDir
    Path stateDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process launch(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Emulator.class.getName(),
                "--state-dir", stateDir.toString(), "--port", "0", "--mqtt-port", "0", "--account", "210987654321"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(Emulator.SECRET_ENV, StandIn.SECRET);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static EmulatorEndpoints awaitReady(Process process, Path stateDir, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<EmulatorEndpoints> endpoints = EmulatorEndpoints.read(stateDir);
            if (endpoints.isPresent()) {
                return endpoints.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("The stand-in exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The stand-in did not become ready:\n" + Files.readString(log));
    }

    @Test
    void runsAsItsOwnProcessAndStopsCleanlyOnSigterm() throws Exception {
        Path log = stateDir.resolveSibling(stateDir.getFileName() + ".log");
        long launchedAt = System.nanoTime();
        Process process = launch(log);
        EmulatorEndpoints endpoints = awaitReady(process, stateDir, log);
        System.out.printf("Stand-in process ready %d ms after launch (fresh state directory)%n",
                (System.nanoTime() - launchedAt) / 1_000_000);
        assertEquals(process.pid(), endpoints.pid());
        assertEquals("210987654321", endpoints.accountId());
        assertEquals(StandIn.SECRET, endpoints.secretAccessKey());
        try (IotClient iot = StandIn.client(endpoints)) {
            iot.createThing(r -> r.thingName("made-in-another-jvm"));
        }

        Path other = stateDir.resolveSibling(stateDir.getFileName() + ".second.log");
        Process second = launch(other);
        assertTrue(second.waitFor(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertEquals(1, second.exitValue());
        assertTrue(Files.readString(other).contains("Another stand-in is already running"), Files.readString(other));

        long stoppingAt = System.nanoTime();
        process.destroy();
        assertTrue(process.waitFor(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS), "the stand-in ignored SIGTERM");
        System.out.printf("Stand-in process stopped %d ms after SIGTERM%n", (System.nanoTime() - stoppingAt) / 1_000_000);
        assertFalse(process.isAlive());
        // 143 = terminated by SIGTERM after the shutdown hook ran; 0 if the JVM exits on its own first.
        assertTrue(process.exitValue() == 143 || process.exitValue() == 0, "exit code " + process.exitValue());
        assertFalse(Files.exists(stateDir.resolve(EmulatorEndpoints.FILE_NAME)), "endpoints.json outlived the stop");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        output.lines().filter(line -> line.contains("ready in")).forEach(System.out::println);
        assertTrue(output.contains("iot-jitp-emulator ready in"), output);
        assertTrue(output.contains(endpoints.controlPlaneUrl().toString()), output);
        assertFalse(output.contains(StandIn.SECRET), "the secret was printed");
        assertTrue(Files.readString(stateDir.resolve(IotRegistry.STATE_FILE)).contains("made-in-another-jvm"));
    }

    @Test
    void aCorruptStateFileStopsTheProcessWithTheFileNamed() throws Exception {
        Files.createDirectories(stateDir);
        Files.writeString(stateDir.resolve(IotRegistry.STATE_FILE), "not json");
        Path log = stateDir.resolveSibling(stateDir.getFileName() + ".corrupt.log");
        Process process = launch(log);
        assertTrue(process.waitFor(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertEquals(1, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains(stateDir.resolve(IotRegistry.STATE_FILE).toAbsolutePath().toString()), output);
        assertTrue(output.contains("corrupt"), output);
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Path log = stateDir.resolveSibling(stateDir.getFileName() + ".usage.log");
        Process process = launch(log, "--account", "12");
        assertTrue(process.waitFor(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(Files.readString(log).contains("account id must be 12 digits"), Files.readString(log));
    }
}
