package io.jitp.maven;

import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.emulator.StandInEndpoints;

import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the goals that start, reuse or stop the stand-in share: its state directory and its classpath, resolved
 * through Maven's resolver on demand.
 */
public abstract class AbstractStandInMojo extends AbstractCaMojo {
    /** A cold start on a loaded machine takes seconds; this only bounds a hung one. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /**
     * State directory of the stand-in: its registry, root CA, credentials and, while it runs, {@code endpoints.json}.
     * Like an AWS account it persists between builds, so the default lives outside {@code target/} and
     * {@code mvn clean} forgets nothing. One stand-in runs per directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMULATOR_STATE_DIRECTORY, defaultValue = "${user.home}/.iot-jitp/emulator")
    private File emulatorStateDirectory;

    /**
     * The plugin itself, for its version: the stand-in resolved is the one released with it.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /**
     * The resolver session of the build.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    /**
     * Faults a stand-in started by this build injects on purpose, to see how the goals cope: the stand-in's
     * {@code --faults} spec or a file holding one, e.g. {@code fault=throttling,every=3;seed=1} (see the
     * stand-in's README). A stand-in already running keeps the faults it was started with.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMULATOR_FAULTS)
    private String emulatorFaults;

    /**
     * MQTT port of a stand-in started by this build: unset takes 8883 (AWS's port) when free, else a free port;
     * 0 always takes a free port (what tests and parallel builds want). A stand-in already running keeps its port.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMULATOR_MQTT_PORT)
    private Integer emulatorMqttPort;

    @Component
    private RepositorySystem repositorySystem;

    /** @return the stand-in process of the configured state directory */
    protected EmulatorProcess emulatorProcess() {
        return new EmulatorProcess(emulatorStateDirectory.toPath(), START_TIMEOUT, reporter());
    }

    /** @return the command-line options of a stand-in this build starts */
    protected List<String> emulatorArguments() {
        List<String> arguments = new ArrayList<>();
        if (emulatorFaults != null && !emulatorFaults.isBlank()) {
            arguments.addAll(List.of("--faults", emulatorFaults));
        }
        if (emulatorMqttPort != null) {
            arguments.addAll(List.of("--mqtt-port", emulatorMqttPort.toString()));
        }
        return arguments;
    }

    /** @return the stand-in's jar and dependencies, resolved when asked */
    protected EmulatorProcess.Classpath emulatorClasspath() {
        Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
        project().getRemotePluginRepositories().forEach(r -> repositories.putIfAbsent(r.getId(), r));
        project().getRemoteProjectRepositories().forEach(r -> repositories.putIfAbsent(r.getId(), r));
        return new EmulatorClasspath(repositorySystem, repositorySession, List.copyOf(repositories.values()),
                plugin.getVersion());
    }

    /**
     * Reuses the stand-in of the state directory or starts one for this build; one started here stops when the build
     * ends (a JVM shutdown hook, and the stand-in's own watch on this process should the build be killed).
     *
     * @return its endpoints
     * @throws IOException if it cannot be started
     */
    protected StandInEndpoints standInForThisBuild() throws IOException {
        EmulatorProcess process = emulatorProcess();
        EmulatorProcess.Running running = process.startOrReuse(emulatorClasspath(), true, emulatorArguments());
        if (running.startedNow()) {
            stopAtExit(process);
        }
        return running.endpoints();
    }

    /**
     * Stops a stand-in this build started when the JVM ends, and remembers it in the build session (so that
     * {@code iot:emulator-start} later in the same build knows it would not outlive the build).
     *
     * @param process a stand-in this build started
     */
    protected void stopAtExit(EmulatorProcess process) {
        Thread hook = new Thread(() -> {
            try {
                process.stop();
            } catch (IOException | RuntimeException e) {
                // The stand-in also watches this process and exits on its own.
            }
        }, "iot-jitp-stop-stand-in");
        Runtime.getRuntime().addShutdownHook(hook);
        repositorySession.getData().set(ownerKey(process), hook);
    }

    /**
     * @param process a stand-in process
     * @return true if this build started it to stop with the build, and it no longer will (the caller restarts it)
     */
    protected boolean releaseFromThisBuild(EmulatorProcess process) {
        Object hook = repositorySession.getData().get(ownerKey(process));
        if (!(hook instanceof Thread thread)) {
            return false;
        }
        Runtime.getRuntime().removeShutdownHook(thread);
        repositorySession.getData().set(ownerKey(process), null);
        return true;
    }

    private static String ownerKey(EmulatorProcess process) {
        return "io.jitp.stand-in.stopsWithBuild:" + process.stateDirectory();
    }
}
