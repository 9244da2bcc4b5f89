package io.jitp.core.stacks;

import io.jitp.core.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stack parameter overrides as typed on a command line: {@code TopicName=loadtest,Other=x}. */
public final class StackParameters {
    private StackParameters() {
    }

    /**
     * @param text     {@code Key=Value} pairs separated by commas; null or blank for none
     * @param property the property it came from, for messages
     * @return the parameters in the given order
     * @throws InvalidInputException for a pair without {@code =} or a key given twice
     */
    public static Map<String, String> parse(String text, String property) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return parameters;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new InvalidInputException(property + " has '" + pair.trim() + "'; write Key=Value pairs"
                        + " separated by commas, e.g. -D" + property + "=TopicName=loadtest");
            }
            if (parameters.put(key, pair.substring(equals + 1).trim()) != null) {
                throw new InvalidInputException(property + " gives " + key + " twice");
            }
        }
        return Collections.unmodifiableMap(parameters);
    }
}
