package io.jitp.maven;

import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.DeviceSubscriber;
import io.jitp.core.mqtt.MqttRefusedException;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.time.Duration;

/**
 * The seed's {@code sub}: subscribes as a device and logs each message ({@code topic: payload}), until
 * {@code messageCount} messages arrived or {@code timeout} seconds passed.
 *
 * @since 0.1.0
 */
@Mojo(name = "sub", requiresProject = false, threadSafe = true)
public class SubMojo extends AbstractMqttMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SUB_SKIP, defaultValue = "false")
    private boolean skipSub;

    /**
     * Topic filter to subscribe to (the seed's: {@code #}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TOPIC, defaultValue = "#")
    private String topic;

    /**
     * Stop after this many messages; 0 waits for {@code timeout} only.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MESSAGE_COUNT, defaultValue = "1")
    private int messageCount;

    /**
     * Stop after this many seconds in any case.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "60")
    private int timeout;

    /**
     * QoS 0 or 1.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.QOS, defaultValue = "1")
    private int qos;

    @Override
    protected void runAws() throws IOException, MojoFailureException {
        DeviceIdentity identity = DeviceIdentity.find(devicesFolder(), thing());
        int received;
        try {
            received = new DeviceSubscriber(mqttEndpoint(), connector(), reporter()).subscribe(identity, topic,
                    Qos.check(qos), Math.max(0, messageCount), Duration.ofSeconds(Math.max(1, timeout)),
                    message -> getLog().info(message.topic() + ": " + message.text()));
        } catch (MqttRefusedException e) {
            throw refused(e);
        }
        getLog().info("Received " + received + " message(s)");
        if (messageCount > 0 && received < messageCount) {
            getLog().warn("Expected " + messageCount + " message(s) but " + timeout + " s passed first (-D"
                    + PropertyNames.TIMEOUT + "=<seconds> waits longer)");
        }
    }

    @Override
    protected String goal() {
        return "sub";
    }

    @Override
    protected boolean skipGoal() {
        return skipSub;
    }
}
