package io.jitp.emulator.policy;

import java.util.Map;
import java.util.Objects;

/**
 * The thing a connection is bound to for {@code ${iot:Connection.Thing.*}} variables: AWS binds it when the
 * MQTT client id is the name of a thing attached to the client certificate.
 *
 * @param name       thing name (equals the client id)
 * @param typeName   thing type name, or {@code null} when the thing has no type
 * @param attributes thing attributes
 */
public record ConnectedThing(String name, String typeName, Map<String, String> attributes) {

    /** Copies the attributes so later registry changes do not leak into a running evaluation. */
    public ConnectedThing {
        Objects.requireNonNull(name, "name");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
