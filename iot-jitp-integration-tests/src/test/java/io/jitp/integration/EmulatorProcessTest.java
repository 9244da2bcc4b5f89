package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.emulator.StandInEndpoints;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in as the goals run it: a separate JVM started from a classpath, reused while it runs, stopped with
 * SIGTERM; and its watch on the parent process, so a killed build leaves no orphan.
 */
class EmulatorProcessTest {
    /** Bounds a hung start on a loaded CI machine; the figure printed is what matters. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path state;

    private final List<String> log = new ArrayList<>();
    private final List<Process> parents = new ArrayList<>();
    private EmulatorProcess process;

    @AfterEach
    void stopEverything() throws Exception {
        if (process != null) {
            process.stop();
        }
        parents.forEach(Process::destroyForcibly);
    }

    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            log.add(message);
        }

        @Override
        public void warn(String message) {
            log.add("WARN " + message);
        }
    };

    /** This test JVM's classpath holds the stand-in and its dependencies, as the plugin's resolver would give. */
    private static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void startsReusesAndStopsASeparateJvm() throws Exception {
        process = new EmulatorProcess(state, TIMEOUT, reporter);
        long startedAt = System.nanoTime();
        EmulatorProcess.Running first = process.startOrReuse(EmulatorProcessTest::classpath, false, List.of());
        System.out.printf("Stand-in process ready %d ms after launch%n", (System.nanoTime() - startedAt) / 1_000_000);
        assertTrue(first.startedNow());
        assertTrue(ProcessHandle.of(first.endpoints().pid()).isPresent());
        try (AwsClients clients = new AwsClients(AwsConnections.local(first.endpoints()))) {
            clients.iot().createThing(r -> r.thingName("from-the-core"));
        }

        EmulatorProcess.Running second = process.startOrReuse(() -> {
            throw new AssertionError("a running stand-in must be reused without resolving anything");
        }, false, List.of());
        assertFalse(second.startedNow());
        assertEquals(first.endpoints().pid(), second.endpoints().pid());
        assertTrue(log.contains("Reusing the stand-in running for " + state.toAbsolutePath() + " (pid "
                + first.endpoints().pid() + ")"), log.toString());

        assertTrue(process.stop());
        assertFalse(ProcessHandle.of(first.endpoints().pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(StandInEndpoints.read(state).isEmpty(), "endpoints.json outlived the stop");
        assertFalse(process.stop(), "nothing left to stop");
        assertTrue(Files.readString(state.resolve(EmulatorProcess.LOG_FILE)).contains("iot-jitp-emulator ready in"));
    }

    @Test
    void theStandInExitsWhenItsParentEnds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        parents.add(parent);
        process = new EmulatorProcess(state, TIMEOUT, reporter);
        EmulatorProcess.Running running = process.startOrReuse(EmulatorProcessTest::classpath, false,
                List.of(EmulatorProcess.EXIT_WITH_PARENT_OPTION, Long.toString(parent.pid())));
        ProcessHandle standIn = ProcessHandle.of(running.endpoints().pid()).orElseThrow();

        parent.destroyForcibly().waitFor();
        standIn.onExit().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertFalse(standIn.isAlive());
        assertTrue(StandInEndpoints.read(state).isEmpty(), "the stand-in did not close cleanly");
    }
}
