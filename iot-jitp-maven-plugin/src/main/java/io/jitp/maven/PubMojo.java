package io.jitp.maven;

import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.DevicePublisher;
import io.jitp.core.mqtt.MqttRefusedException;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's {@code pub}: publishes one message as a device (its files found in the devices folder), by default to
 * the topic named after it, which the seed's {@code IoTAccess} policy allows.
 *
 * @since 0.1.0
 */
@Mojo(name = "pub", requiresProject = false, threadSafe = true)
public class PubMojo extends AbstractMqttMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUB_SKIP, defaultValue = "false")
    private boolean skipPub;

    /**
     * Topic to publish to; default the thing's name.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TOPIC)
    private String topic;

    /**
     * The message (UTF-8 text).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MESSAGE, defaultValue = "")
    private String message;

    /**
     * QoS 0 or 1 (AWS IoT has no QoS 2).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.QOS, defaultValue = "1")
    private int qos;

    @Override
    protected void runAws() throws IOException, MojoFailureException {
        String thing = thing();
        DeviceIdentity identity = DeviceIdentity.find(devicesFolder(), thing);
        try {
            new DevicePublisher(mqttEndpoint(), connector(), reporter()).publish(identity,
                    topic == null || topic.isBlank() ? thing : topic,
                    (message == null ? "" : message).getBytes(StandardCharsets.UTF_8), Qos.check(qos));
        } catch (MqttRefusedException e) {
            throw refused(e);
        }
    }

    @Override
    protected String goal() {
        return "pub";
    }

    @Override
    protected boolean skipGoal() {
        return skipPub;
    }
}
