package io.jitp.emulator.iot;

import java.util.Map;

/**
 * A thing of the registry.
 *
 * @param name the thing name
 * @param id a UUID
 * @param arn {@code arn:aws:iot:<region>:<account>:thing/<name>}
 * @param thingTypeName its type, or null
 * @param attributes its attributes
 * @param version starts at 1, incremented on each update
 */
public record Thing(String name, String id, String arn, String thingTypeName, Map<String, String> attributes,
        long version) {

    /** @return the default MQTT client id, which AWS sets to the thing name */
    public String defaultClientId() {
        return name;
    }
}
