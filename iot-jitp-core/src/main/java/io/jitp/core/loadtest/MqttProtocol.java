package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;

/** The MQTT version the load-test devices speak; AWS IoT accepts both. */
public enum MqttProtocol {
    /** MQTT 3.1.1. */
    V3_1_1("3.1.1"),
    /** MQTT 5. */
    V5("5");

    private final String label;

    MqttProtocol(String label) {
        this.label = label;
    }

    /** @return the version as users write it ({@code 5}, {@code 3.1.1}) */
    public String label() {
        return label;
    }

    /**
     * @param value {@code 5}, {@code 5.0}, {@code 3.1.1} or {@code 3}
     * @return the version
     * @throws InvalidInputException for anything else
     */
    public static MqttProtocol parse(String value) {
        return switch (value == null ? "" : value.trim()) {
            case "5", "5.0", "v5" -> V5;
            case "3", "3.1.1", "v3" -> V3_1_1;
            default -> throw new InvalidInputException("iot.loadtest.mqttVersion must be 5 or 3.1.1, not '" + value
                    + "'");
        };
    }
}
