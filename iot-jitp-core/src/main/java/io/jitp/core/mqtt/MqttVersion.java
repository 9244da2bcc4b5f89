package io.jitp.core.mqtt;

import io.jitp.core.InvalidInputException;

import java.util.Locale;

/** The MQTT protocol version a device speaks; AWS IoT accepts both. */
public enum MqttVersion {
    /** MQTT 5 (Paho {@code mqttv5}): reason codes on every acknowledgement. */
    V5("5"),
    /** MQTT 3.1.1 (Paho {@code mqttv3}): what most deployed devices speak. */
    V3_1_1("3.1.1");

    private final String label;

    MqttVersion(String label) {
        this.label = label;
    }

    /** @return the version as users write it: {@code 5} or {@code 3.1.1} */
    public String label() {
        return label;
    }

    /**
     * @param text {@code 5}, {@code 5.0}, {@code 3.1.1}, {@code 3}, {@code 311} (any case, optional {@code v})
     * @return the version
     * @throws InvalidInputException for anything else
     */
    public static MqttVersion parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceFirst("^v", "");
        return switch (value) {
            case "5", "5.0" -> V5;
            case "3.1.1", "3", "311", "3_1_1" -> V3_1_1;
            default -> throw new InvalidInputException("Unknown MQTT version '" + text + "': use 5 or 3.1.1");
        };
    }
}
