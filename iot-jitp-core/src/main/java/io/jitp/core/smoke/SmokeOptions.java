package io.jitp.core.smoke;

import io.jitp.core.InvalidInputException;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttEndpoint;

import java.util.Objects;

/**
 * How to smoke-test devices. Topic patterns may contain {@value #DEVICE_PLACEHOLDER}, replaced by the device id. The
 * defaults fit the seed's {@code IoTAccess} policy: publish on the topic named after the CommonName, subscribe
 * anywhere.
 *
 * @param endpoint          where devices connect, MQTT version included
 * @param topic             topic each device publishes to and subscribes to, e.g. {@code {device}}
 * @param foreignTopic      a topic the device's policy must refuse (the device publishes there last and expects the
 *                          refusal); null to skip that check
 * @param parallelism       devices tested at the same time
 * @param connector         JITP-aware connection retries
 * @param checkControlPlane also confirm through the control plane: certificate ACTIVE, thing, policy attached
 */
public record SmokeOptions(MqttEndpoint endpoint, String topic, String foreignTopic, int parallelism,
                           JitpConnector connector, boolean checkControlPlane) {
    /** Replaced by the device id in topics. */
    public static final String DEVICE_PLACEHOLDER = "{device}";
    /** The default topic: the one the seed's IoTAccess policy lets a device publish to. */
    public static final String DEFAULT_TOPIC = DEVICE_PLACEHOLDER;

    /** Checks the values. */
    public SmokeOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        if (topic == null || topic.isBlank()) {
            throw new InvalidInputException("The smoke-connect topic must not be empty (default " + DEFAULT_TOPIC + ")");
        }
        if (topic.contains("#") || topic.contains("+")) {
            throw new InvalidInputException("The smoke-connect topic '" + topic + "' must be a topic name, not a filter:"
                    + " each device publishes to it");
        }
        if (parallelism < 1) {
            throw new InvalidInputException("Smoke-connect parallelism must be at least 1, not " + parallelism);
        }
        Objects.requireNonNull(connector, "connector");
    }

    /** @param deviceId a device @return its topic */
    String topicFor(String deviceId) {
        return topic.replace(DEVICE_PLACEHOLDER, deviceId);
    }

    /** @param deviceId a device @return its foreign topic, or null */
    String foreignTopicFor(String deviceId) {
        return foreignTopic == null ? null : foreignTopic.replace(DEVICE_PLACEHOLDER, deviceId);
    }
}
