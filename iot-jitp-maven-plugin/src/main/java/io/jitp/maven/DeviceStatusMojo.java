package io.jitp.maven;

import io.jitp.core.things.ThingCertificates;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The seed's {@code device-status}: the status of each certificate attached to the thing, as a table.
 *
 * @since 0.1.0
 */
@Mojo(name = "device-status", requiresProject = false, threadSafe = true)
public class DeviceStatusMojo extends AbstractThingMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_STATUS_SKIP, defaultValue = "false")
    private boolean skipDeviceStatus;

    @Override
    protected void runAws() throws MojoFailureException {
        ThingCertificates.table(new ThingCertificates(clients().iot()).of(thing())).print(reporter());
    }

    @Override
    protected String goal() {
        return "device-status";
    }

    @Override
    protected boolean skipGoal() {
        return skipDeviceStatus;
    }
}
