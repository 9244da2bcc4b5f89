package io.jitp.core.emulator;

import io.jitp.core.InvalidInputException;
import io.jitp.core.UserPaths;
import io.jitp.core.Reporter;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The stand-in as a separate JVM, one per state directory: started from a classpath (with
 * {@link #DEFAULT_JVM_OPTIONS} and, from a state directory's second start on, an AppCDS archive of its classes:
 * {@link ClassDataArchive}), ready when its {@code endpoints.json} appears, reused while it runs, stopped with
 * SIGTERM (its shutdown hook closes it cleanly).
 * Starting is serialized per state directory, within this JVM and across JVMs (a lock file), so parallel builds
 * never start two.
 */
public final class EmulatorProcess {
    /** The stand-in's main class. */
    public static final String MAIN_CLASS = "io.jitp.emulator.Emulator";
    /** The stand-in's option that makes it exit when the given process ends. */
    public static final String EXIT_WITH_PARENT_OPTION = "--exit-with-parent";
    /** Its output, in the state directory. */
    public static final String LOG_FILE = "emulator.log";

    /**
     * The stand-in's JVM options: no full collection when HiveMQ asks for one during its start, and the C1 compiler
     * only. The stand-in serves short bursts (a build's registrations, a smoke test's handshakes) in a JVM that lives
     * for one Maven session, where C2's compilations cost more CPU than they ever save: measured (docs/benchmarks.md,
     * session 4) a fresh state directory's start fell from 2.4 s to 1.9 s and an existing one's from 1.8 s to 1.2 s,
     * a smoke-connected device cost the stand-in about 9 CPU-ms instead of 13–14, and the seed's load-test shape
     * (487 × 20, QoS 1) still ran at the full expected rate with a lower p99. {@code -XX:TieredStopAtLevel=4} in
     * {@link #JVM_OPTIONS_PROPERTY} brings C2 back (the last value given wins). Measured and not taken:
     * {@code -XX:+UseSerialGC} (no faster here).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+DisableExplicitGC", "-XX:TieredStopAtLevel=1");
    /**
     * System property with more JVM options for the stand-in, space-separated, after {@link #DEFAULT_JVM_OPTIONS}:
     * e.g. {@code -Diot.jitp.emulator.jvmOptions="-Xmx2g"}, or {@code -XX:TieredStopAtLevel=4} for the C2 compiler
     * in a stand-in that will serve hours of load.
     * Set it in the JVM that starts the stand-in (for the plugin: {@code mvn -Diot.jitp.emulator.jvmOptions=…}).
     */
    public static final String JVM_OPTIONS_PROPERTY = "iot.jitp.emulator.jvmOptions";
    /** The file whose presence tells a state directory that was started before (see {@link ClassDataArchive}). */
    private static final String STARTED_BEFORE_MARKER = "root-ca.pem";
    private static final String START_LOCK = "start.lock";
    /** How often the readiness file is looked for: a missing file costs one stat, and each wait adds to the start. */
    private static final Duration POLL = Duration.ofMillis(10);

    private final Path stateDirectory;
    private final Duration timeout;
    private final Reporter reporter;

    /**
     * @param stateDirectory the stand-in's state directory
     * @param timeout        how long a start or a stop may take
     * @param reporter       receives progress
     */
    public EmulatorProcess(Path stateDirectory, Duration timeout, Reporter reporter) {
        this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
        this.timeout = timeout;
        this.reporter = reporter;
    }

    /** @return the state directory */
    public Path stateDirectory() {
        return stateDirectory;
    }

    /** Where the stand-in's classes come from, resolved only when one has to be started. */
    @FunctionalInterface
    public interface Classpath {
        /**
         * @return the stand-in's jar and its runtime dependencies
         * @throws IOException if they cannot be resolved
         */
        List<Path> resolve() throws IOException;
    }

    /**
     * A running stand-in.
     *
     * @param endpoints   its endpoints
     * @param startedNow  true if this call started it (then the caller owns it and stops it)
     */
    public record Running(StandInEndpoints endpoints, boolean startedNow) {
    }

    /**
     * @return the stand-in running for this state directory, if any (a left-over {@code endpoints.json} of a dead
     * process does not count)
     * @throws IOException if the endpoints file cannot be read
     */
    public Optional<StandInEndpoints> find() throws IOException {
        Optional<StandInEndpoints> endpoints = StandInEndpoints.read(stateDirectory);
        return endpoints.filter(e -> ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * Reuses the stand-in running for this state directory, or starts one.
     *
     * @param classpath       where its classes come from (asked only when starting)
     * @param exitWithParent  make the new stand-in exit when this JVM ends (even when killed)
     * @param extraArguments  more command-line options for a new stand-in (e.g. {@code --quotas off})
     * @return the running stand-in
     * @throws IOException           if it cannot be started
     * @throws InvalidInputException if it exits while starting (its log says why) or is not ready in time
     */
    public Running startOrReuse(Classpath classpath, boolean exitWithParent, List<String> extraArguments)
            throws IOException {
        UserPaths.createFolder(stateDirectory, "stand-in state directory (iot.emulator.stateDirectory)");
        synchronized (EmulatorProcess.class) {
            try (FileChannel channel = FileChannel.open(stateDirectory.resolve(START_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Optional<StandInEndpoints> running = find();
                if (running.isPresent()) {
                    reporter.info("Reusing the stand-in running for " + stateDirectory + " (pid "
                            + running.get().pid() + ")");
                    return new Running(running.get(), false);
                }
                return new Running(start(classpath.resolve(), exitWithParent, extraArguments), true);
            }
        }
    }

    private StandInEndpoints start(List<Path> classpath, boolean exitWithParent, List<String> extraArguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DEFAULT_JVM_OPTIONS);
        String moreOptions = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        if (!moreOptions.isEmpty()) {
            command.addAll(List.of(moreOptions.split("\\s+")));
        }
        command.addAll(ClassDataArchive.of(stateDirectory.resolve(ClassDataArchive.FOLDER), classpath)
                .jvmOptions(Files.exists(stateDirectory.resolve(STARTED_BEFORE_MARKER))));
        command.addAll(List.of("-cp",
                classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                MAIN_CLASS, "--state-dir", stateDirectory.toString()));
        if (exitWithParent) {
            command.addAll(List.of(EXIT_WITH_PARENT_OPTION, Long.toString(ProcessHandle.current().pid())));
        }
        command.addAll(extraArguments);
        Path log = stateDirectory.resolve(LOG_FILE);
        long startedAt = System.nanoTime();
        // Output to a file, never a pipe: a stand-in outliving this JVM must not block on a full pipe.
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        process.getOutputStream().close();
        reporter.info("Starting the stand-in (pid " + process.pid() + ", state directory " + stateDirectory
                + ", log " + log + ")");
        try {
            StandInEndpoints endpoints = awaitReady(process, log);
            reporter.info(String.format("Stand-in ready in %d ms: %s", (System.nanoTime() - startedAt) / 1_000_000,
                    endpoints.controlPlaneUrl()));
            return endpoints;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private StandInEndpoints awaitReady(Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StandInEndpoints> endpoints = StandInEndpoints.read(stateDirectory);
            if (endpoints.isPresent() && endpoints.get().pid() == process.pid()) {
                return endpoints.get();
            }
            if (!process.isAlive()) {
                throw new InvalidInputException("The stand-in exited with code " + process.exitValue()
                        + " while starting:\n" + tail(log) + "\n(full log: " + log + ")");
            }
            sleep(POLL);
        }
        throw new InvalidInputException("The stand-in was not ready after " + timeout.toSeconds() + " s; its log "
                + log + " ends with:\n" + tail(log));
    }

    /**
     * Stops the stand-in running for this state directory: SIGTERM, then a forced kill if it is still alive after
     * the timeout.
     *
     * @return true if one was running
     * @throws IOException if its endpoints file cannot be read
     */
    public boolean stop() throws IOException {
        Optional<StandInEndpoints> running = find();
        if (running.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(running.get().pid());
        if (handle.isEmpty()) {
            return false;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            reporter.info("Stopped the stand-in (pid " + running.get().pid() + ", state directory " + stateDirectory
                    + ")");
        } catch (TimeoutException | ExecutionException e) {
            handle.get().destroyForcibly();
            reporter.warn("The stand-in (pid " + running.get().pid() + ") did not stop within "
                    + timeout.toSeconds() + " s and was killed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.get().destroyForcibly();
        }
        return true;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stand-in", e);
        }
    }
}
