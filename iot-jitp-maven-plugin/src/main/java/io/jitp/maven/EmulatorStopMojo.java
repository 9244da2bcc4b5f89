package io.jitp.maven;

import io.jitp.core.emulator.EmulatorProcess;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * Stops the stand-in running for {@code iot.emulator.stateDirectory} (SIGTERM: it closes cleanly and its state
 * stays in the directory for the next start). No stand-in running is not an error.
 *
 * @since 0.1.0
 */
@Mojo(name = "emulator-stop", requiresProject = false, threadSafe = true)
public class EmulatorStopMojo extends AbstractStandInMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMULATOR_STOP_SKIP, defaultValue = "false")
    private boolean skipEmulatorStop;

    @Override
    protected void run() throws IOException {
        EmulatorProcess process = emulatorProcess();
        if (!process.stop()) {
            getLog().info("No stand-in is running for " + process.stateDirectory() + "; nothing to stop");
        }
    }

    @Override
    protected String goal() {
        return "emulator-stop";
    }

    @Override
    protected boolean skipGoal() {
        return skipEmulatorStop;
    }
}
