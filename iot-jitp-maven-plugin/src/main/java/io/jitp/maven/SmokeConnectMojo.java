package io.jitp.maven;

import io.jitp.core.smoke.JUnitXmlReport;
import io.jitp.core.smoke.SmokeConnect;
import io.jitp.core.smoke.SmokeDevice;
import io.jitp.core.smoke.SmokeOptions;
import io.jitp.core.smoke.SmokeReport;
import io.jitp.core.smoke.SmokeSummary;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The connect-before-ship test: every device of the {@code provision-devices} manifest connects as itself (surviving
 * the JITP first-connection drop), subscribes to and publishes on its topic and receives its own message; then the
 * control plane must show its certificate ACTIVE, its thing and a policy attached. Writes
 * {@code <outputDirectory>/smoke-connect/TEST-iot-jitp.smoke-connect.xml} (one test case per device) and fails the
 * build when more than {@code maxFailures} devices fail.
 *
 * @since 0.1.0
 */
@Mojo(name = "smoke-connect", defaultPhase = LifecyclePhase.INTEGRATION_TEST, requiresProject = false,
        threadSafe = true)
public class SmokeConnectMojo extends AbstractMqttMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_CONNECT_SKIP, defaultValue = "false")
    private boolean skipSmokeConnect;

    /**
     * Topic each device subscribes to and publishes on; {@code {device}} is replaced by the device id. The default
     * is what the seed's {@code IoTAccess} policy allows a device to publish to.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TOPIC, defaultValue = SmokeOptions.DEFAULT_TOPIC)
    private String topic;

    /**
     * A topic the device's policy must refuse ({@code {device}} is replaced); each device publishes there last and
     * passes only if refused. Unset: not checked.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_FOREIGN_TOPIC)
    private String foreignTopic;

    /**
     * Devices tested at the same time (each mostly waits for its JITP reconnect).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_PARALLELISM, defaultValue = "64")
    private int parallelism;

    /**
     * Failed devices tolerated; one more fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_MAX_FAILURES, defaultValue = "0")
    private int maxFailures;

    /**
     * Device ids to test (comma-separated); default every device of the manifest.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_DEVICES)
    private List<String> devices;

    /**
     * Also confirm each device through the control plane (certificate ACTIVE, thing, policy attached).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_CONTROL_PLANE, defaultValue = "true")
    private boolean controlPlane;

    @Override
    protected void runAws() throws IOException, MojoFailureException {
        Set<String> only = devices == null ? Set.of() : new LinkedHashSet<>(devices.stream().map(String::trim)
                .filter(d -> !d.isEmpty()).toList());
        List<SmokeDevice> selected = SmokeDevice.fromManifest(devicesFolder(), only);
        SmokeOptions options = new SmokeOptions(mqttEndpoint(), topic, foreignTopic, parallelism, connector(),
                controlPlane);
        SmokeReport report = new SmokeConnect(options, clients().iot(), reporter()).run(selected);
        Path xml = JUnitXmlReport.write(report, outputFolder().resolve("smoke-connect"));
        SmokeSummary.print(report, reporter());
        getLog().info("JUnit XML report: " + xml);
        int failed = report.failures().size();
        if (failed > maxFailures) {
            throw new MojoFailureException("smoke-connect: " + failed + " of " + report.outcomes().size()
                    + " device(s) failed (" + PropertyNames.SMOKE_MAX_FAILURES + "=" + maxFailures + "); see " + xml);
        }
    }

    @Override
    protected String goal() {
        return "smoke-connect";
    }

    @Override
    protected boolean skipGoal() {
        return skipSmokeConnect;
    }
}
