package io.jitp.maven;

import io.jitp.core.devices.DeviceRequest;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.List;

/**
 * Issues one device certificate, like the seed's {@code bin/provision NAME}: {@code devices/<device>.key} and
 * {@code devices/<device>.crt} (device certificate followed by the CA certificate), recorded in the manifest.
 * Works without a POM: {@code mvn io.jitp:iot-jitp-maven-plugin:provision -Diot.device=NAME}.
 */
@Mojo(name = "provision", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false,
        threadSafe = true)
public class ProvisionMojo extends AbstractDeviceMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROVISION_SKIP, defaultValue = "false")
    private boolean skipProvision;

    /**
     * Device id: the certificate CN and the AWS IoT thing name (letters, digits, {@code :_-}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE)
    private String device;

    @Override
    protected void run() throws IOException, MojoFailureException {
        if (device == null || device.isBlank()) {
            throw new MojoFailureException("No device named: run mvn iot:provision -D" + PropertyNames.DEVICE
                    + "=sensor-1 (or set <device> in the plugin configuration)");
        }
        issue(List.of(DeviceRequest.generated(device.trim(), deviceDefaults())));
    }

    @Override
    protected String goal() {
        return "provision";
    }

    @Override
    protected boolean skipGoal() {
        return skipProvision;
    }
}
