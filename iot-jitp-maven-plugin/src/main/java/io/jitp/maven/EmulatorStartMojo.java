package io.jitp.maven;

import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.emulator.StandInUsage;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * Starts the stand-in for {@code iot.emulator.stateDirectory} in the background and leaves it running after the build
 * (stop it with {@code iot:emulator-stop}); a stand-in already running there is reused. Goals of later builds use
 * it instead of starting their own.
 *
 * @since 0.1.0
 */
@Mojo(name = "emulator-start", requiresProject = false, threadSafe = true)
public class EmulatorStartMojo extends AbstractStandInMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.EMULATOR_START_SKIP, defaultValue = "false")
    private boolean skipEmulatorStart;

    @Override
    protected void run() throws IOException {
        EmulatorProcess process = emulatorProcess();
        if (releaseFromThisBuild(process)) {
            // Started earlier in this build to stop with it (it watches this JVM): restart it to outlive the build.
            getLog().info("Restarting the stand-in this build started, so that it keeps running after the build");
            process.stop();
        }
        EmulatorProcess.Running running = process.startOrReuse(emulatorClasspath(), false, emulatorArguments());
        getLog().info((running.startedNow() ? "Started" : "Already running:") + " the stand-in for "
                + process.stateDirectory() + " (pid " + running.endpoints().pid() + "); it keeps running after this"
                + " build. Stop it with mvn iot:emulator-stop -D" + PropertyNames.EMULATOR_STATE_DIRECTORY + "="
                + process.stateDirectory());
        getLog().info(StandInUsage.describe(running.endpoints(), process.stateDirectory()));
    }

    @Override
    protected String goal() {
        return "emulator-start";
    }

    @Override
    protected boolean skipGoal() {
        return skipEmulatorStart;
    }
}
