package io.jitp.emulator.mqtt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the MQTT broker needs to know about its surroundings.
 *
 * @param stateDirectory            the stand-in's state folder; HiveMQ's run folder goes under {@code mqtt/}
 * @param bindAddress               address of the listeners (loopback by default)
 * @param port                      MQTT-over-TLS port; 0 picks a free port; {@link #STANDARD_PORT_WHEN_FREE} takes
 *                                  8883 when it is free, else a free port
 * @param alpnPort                  port of the listener that requires ALPN {@code x-amzn-mqtt-ca}; -1 for none,
 *                                  0 for a free port
 * @param endpointHost              the host name DescribeEndpoint returns; put in the server certificate's SANs
 * @param quotasMode                whether AWS's per-client quotas are enforced (connect, publish and subscription rates)
 * @param disconnectOnDeniedSubscribe whether a denied SUBSCRIBE closes the connection instead of a failure SUBACK
 */
public record MqttBrokerSettings(Path stateDirectory, String bindAddress, int port, int alpnPort, String endpointHost,
                                 boolean quotasMode, boolean disconnectOnDeniedSubscribe) {

    /** The {@code port} that means: 8883 (AWS IoT's port) when it is free, else a free port. */
    public static final int STANDARD_PORT_WHEN_FREE = -1;

    /** Validates the settings. */
    public MqttBrokerSettings {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(endpointHost, "endpointHost");
        if (port < STANDARD_PORT_WHEN_FREE || port > 65535 || alpnPort < -1 || alpnPort > 65535) {
            throw new IllegalArgumentException("MQTT ports must be between 0 and 65535 (MQTT: -1 for 8883 when free;"
                    + " ALPN: -1 disables it)");
        }
    }

    /**
     * @param stateDirectory the state folder
     * @param endpointHost   the DescribeEndpoint host
     * @return loopback, free ports, no ALPN listener, no quotas, failure SUBACKs
     */
    public static MqttBrokerSettings loopback(Path stateDirectory, String endpointHost) {
        return new MqttBrokerSettings(stateDirectory, "127.0.0.1", 0, -1, endpointHost, false, false);
    }

    /** @return these settings with AWS quotas on or off */
    public MqttBrokerSettings withQuotasMode(boolean enabled) {
        return new MqttBrokerSettings(stateDirectory, bindAddress, port, alpnPort, endpointHost, enabled,
                disconnectOnDeniedSubscribe);
    }

    /** @return these settings with the ALPN listener on the given port (0: a free one) */
    public MqttBrokerSettings withAlpnPort(int newAlpnPort) {
        return new MqttBrokerSettings(stateDirectory, bindAddress, port, newAlpnPort, endpointHost, quotasMode,
                disconnectOnDeniedSubscribe);
    }
}
