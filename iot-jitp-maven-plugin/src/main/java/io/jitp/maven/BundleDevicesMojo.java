package io.jitp.maven;

import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.Target;
import io.jitp.core.bundle.BundleEndpoint;
import io.jitp.core.bundle.BundleReport;
import io.jitp.core.bundle.BundleSummary;
import io.jitp.core.bundle.DeviceBundler;
import io.jitp.core.smoke.JUnitXmlReport;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Packs one ship bundle per device that passed {@code smoke-connect}: {@code <outputDirectory>/bundles/<id>.zip} with
 * the firmware artifact, the device's certificate chain and private key, {@code endpoint.json} (host, port, client
 * id; against the stand-in, whose port changes at each start, where to read the port) and {@code root-ca.pem} (the
 * roots to trust for the target's endpoint). Devices that failed or were not tested get no bundle, and the log names
 * them; a bundle left from an earlier build for such a device is deleted. Unchanged bundles are not rewritten.
 *
 * @since 0.1.0
 */
@Mojo(name = "bundle-devices", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BundleDevicesMojo extends AbstractThingMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUNDLE_DEVICES_SKIP, defaultValue = "false")
    private boolean skipBundleDevices;

    /**
     * The firmware file every bundle carries; default the project's main artifact (so bind this goal to
     * {@code package}, after the artifact is built).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUNDLE_FIRMWARE)
    private File firmware;

    @Override
    protected void runAws() throws IOException, MojoFailureException {
        AwsConnection target = connection();
        // The stand-in picks its MQTT port at each start: naming it would make every rebuild rewrite every bundle.
        boolean local = target.target() == Target.LOCAL;
        BundleEndpoint endpoint = new BundleEndpoint(target.target().name().toLowerCase(Locale.ROOT),
                target.region(), target.mqttHost(), local ? 0 : target.mqttPort(),
                local ? emulatorProcess().stateDirectory().resolve("endpoints.json") : null,
                target.mqttTrustAnchors());
        Path bundles = outputFolder().resolve("bundles");
        BundleReport report = new DeviceBundler(endpoint, reporter()).bundle(devicesFolder(),
                outputFolder().resolve("smoke-connect").resolve(JUnitXmlReport.FILE_NAME), firmwareFile(), bundles);
        BundleSummary.print(report, bundles, reporter());
    }

    private Path firmwareFile() throws MojoFailureException {
        if (firmware != null) {
            return firmware.toPath().toAbsolutePath();
        }
        File artifact = project().getArtifact().getFile();
        if (artifact == null || !artifact.isFile()) {
            throw new MojoFailureException("The project has no artifact yet: bind bundle-devices to the package phase"
                    + " (after the jar is built), or name the firmware file with -D" + PropertyNames.BUNDLE_FIRMWARE
                    + "=path");
        }
        return artifact.toPath();
    }

    @Override
    protected String goal() {
        return "bundle-devices";
    }

    @Override
    protected boolean skipGoal() {
        return skipBundleDevices;
    }
}
