package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The stand-in as the goals run it: a separate JVM started from a classpath, reused while it runs, and its watch on
 * the parent process, so that a killed build leaves no orphan.
 */
class EmulatorProcessTest {
    /** Bounds a hung start on a loaded CI machine; the figure printed is what matters. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path state;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> log = reporter.lines;
    private final List<Process> parents = new ArrayList<>();
    private EmulatorProcess process;

    @AfterEach
    void stopEverything() throws Exception {
        if (process != null) {
            process.stop();
        }
        parents.forEach(Process::destroyForcibly);
    }

    /** This test JVM's classpath holds the stand-in and its dependencies, as the plugin's resolver would give. */
    private static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    /**
     * One start (a stand-in JVM takes seconds): started from a classpath, reused, then ended by its parent's end.
     * Stopping with SIGTERM is covered by the invoker ITs (iot:emulator-stop) and the stand-in's own tests.
     */
    @Test
    void startsReusesAndExitsWhenItsParentEnds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        parents.add(parent);
        process = new EmulatorProcess(state, TIMEOUT, reporter);
        long startedAt = System.nanoTime();
        EmulatorProcess.Running first = process.startOrReuse(EmulatorProcessTest::classpath, false,
                List.of(EmulatorProcess.EXIT_WITH_PARENT_OPTION, Long.toString(parent.pid()), "--mqtt-port", "0",
                        "--faults", "fault=delay,millis=1,every=1,operation=POST /things/*"));
        System.out.printf("Stand-in process ready %d ms after launch%n", (System.nanoTime() - startedAt) / 1_000_000);
        assertTrue(first.startedNow());
        ProcessHandle standIn = ProcessHandle.of(first.endpoints().pid()).orElseThrow();
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

        parent.destroyForcibly().waitFor();
        standIn.onExit().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(StandInEndpoints.read(state).isEmpty(), "the stand-in did not close cleanly");
        assertFalse(process.stop(), "nothing left to stop");
        String output = Files.readString(state.resolve(EmulatorProcess.LOG_FILE));
        assertTrue(output.contains("iot-jitp-emulator ready in"), output);
        assertTrue(output.contains("Stopping when process " + parent.pid() + " ends"), output);
        assertTrue(output.contains("Injecting faults [delay every 1 1 ms on POST /things/*; seed 0] on purpose"),
                "options after the state directory reach the stand-in: " + output);
    }
}
