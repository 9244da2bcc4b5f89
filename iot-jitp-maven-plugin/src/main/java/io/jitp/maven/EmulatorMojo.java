package io.jitp.maven;

import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.emulator.StandInUsage;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * Runs the stand-in in the foreground until Ctrl-C, printing how to point the AWS CLI and {@code mosquitto_pub} at
 * it. Its state stays in {@code iot.emulator.stateDirectory} for the next run. When a stand-in already runs there
 * (from {@code iot:emulator-start}) this goal only prints how to use it.
 *
 * @since 0.1.0
 */
@Mojo(name = "emulator", requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractStandInMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMULATOR_SKIP, defaultValue = "false")
    private boolean skipEmulator;

    @Override
    protected void run() throws IOException {
        EmulatorProcess process = emulatorProcess();
        EmulatorProcess.Running running = process.startOrReuse(emulatorClasspath(), true, emulatorArguments());
        getLog().info(StandInUsage.describe(running.endpoints(), process.stateDirectory()));
        if (!running.startedNow()) {
            getLog().info("This stand-in was started elsewhere (mvn iot:emulator-start) and keeps running; stop it"
                    + " with mvn iot:emulator-stop");
            return;
        }
        stopAtExit(process);
        getLog().info("Running until Ctrl-C (log: " + process.stateDirectory().resolve(EmulatorProcess.LOG_FILE)
                + ")");
        ProcessHandle.of(running.endpoints().pid()).ifPresent(handle -> handle.onExit().join());
        // Ctrl-C reaches the stand-in too (same process group): its ending is the normal way out of this goal.
        getLog().info("The stand-in stopped; its log is " + process.stateDirectory().resolve(EmulatorProcess.LOG_FILE));
    }

    @Override
    protected String goal() {
        return "emulator";
    }

    @Override
    protected boolean skipGoal() {
        return skipEmulator;
    }
}
