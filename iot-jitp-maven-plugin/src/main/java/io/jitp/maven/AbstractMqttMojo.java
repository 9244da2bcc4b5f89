package io.jitp.maven;

import io.jitp.core.aws.AwsConnection;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttRefusedException;
import io.jitp.core.mqtt.MqttVersion;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;

/**
 * What the goals that connect as a device share: MQTT version, port (8883, or 443 with ALPN), timeouts and the
 * JITP-aware connection retries. Host and trusted roots come from the target (AWS's ATS endpoint and Amazon Root CAs,
 * or the stand-in's).
 */
public abstract class AbstractMqttMojo extends AbstractThingMojo {
    /**
     * MQTT version: {@code 5} or {@code 3.1.1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MQTT_VERSION, defaultValue = "5")
    private String mqttVersion;

    /**
     * MQTT port; {@code 0} takes the target's: 8883 on AWS (443 with {@code mqttAlpn}), the stand-in's own ports
     * from its {@code endpoints.json} ({@code mqttPort}, or {@code alpnPort} with {@code mqttAlpn}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MQTT_PORT, defaultValue = "0")
    private int mqttPort;

    /**
     * Offer ALPN {@code x-amzn-mqtt-ca}, which AWS IoT requires for MQTT with client certificates on port 443.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MQTT_ALPN, defaultValue = "false")
    private boolean mqttAlpn;

    /**
     * Bound on each MQTT operation (connect, subscribe, publish, a message coming back), in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MQTT_TIMEOUT, defaultValue = "10")
    private int mqttTimeout;

    /**
     * Connection attempts per device. A JITP device's first connection is closed after provisioning, so at least 2;
     * waits between attempts start at 1.1 s (AWS allows one CONNECT per second per client id) and double.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CONNECT_ATTEMPTS, defaultValue = "3")
    private int connectAttempts;

    /**
     * Seconds a device may spend reconnecting after losing the server (a restarted stand-in, a network blip) before
     * it fails; waits start at 1.1 s and double, with jitter.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RECONNECT_BUDGET, defaultValue = "60")
    private int reconnectBudget;

    /**
     * @return the MQTT endpoint of the target with the configured port, ALPN and version
     * @throws MojoFailureException if a value is out of range
     */
    protected MqttEndpoint mqttEndpoint() throws MojoFailureException {
        if (mqttTimeout < 1) {
            throw new MojoFailureException(PropertyNames.MQTT_TIMEOUT + " must be at least 1 second");
        }
        AwsConnection target = connection();
        int port;
        try {
            port = mqttPort > 0 ? mqttPort : target.mqttPort(mqttAlpn);
        } catch (IllegalStateException e) {
            throw new MojoFailureException(e.getMessage() + " (-D" + PropertyNames.MQTT_PORT + "=...)", e);
        }
        return new MqttEndpoint(target.mqttHost(), port, mqttAlpn, target.mqttTrustAnchors(),
                MqttVersion.parse(mqttVersion), Duration.ofSeconds(mqttTimeout));
    }

    /**
     * @return the connection retries
     * @throws MojoFailureException if {@code connectAttempts} is below 1 or {@code reconnectBudget} negative
     */
    protected JitpConnector connector() throws MojoFailureException {
        if (connectAttempts < 1) {
            throw new MojoFailureException(PropertyNames.CONNECT_ATTEMPTS + " must be at least 1");
        }
        if (reconnectBudget < 0) {
            throw new MojoFailureException(PropertyNames.RECONNECT_BUDGET + " must be 0 (no reconnection) or more");
        }
        return new JitpConnector(connectAttempts, JitpConnector.MIN_DELAY, Duration.ofSeconds(8),
                Duration.ofSeconds(reconnectBudget));
    }

    /**
     * @param e the broker's refusal
     * @return a build failure saying what to check (a refusal is the policy's or the certificate's doing, not ours)
     */
    protected MojoFailureException refused(MqttRefusedException e) {
        return new MojoFailureException(e.getMessage() + "; check the certificate's status (mvn iot:device-status -D"
                + PropertyNames.THING + "=...) and that its policy allows the topic", e);
    }
}
