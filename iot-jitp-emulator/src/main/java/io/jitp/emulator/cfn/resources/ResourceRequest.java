package io.jitp.emulator.cfn.resources;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * What a provisioner gets to create or update one resource: its evaluated properties and where it lives.
 *
 * @param stackName  the stack
 * @param logicalId  the resource's name in the template
 * @param type       its resource type
 * @param properties its properties, intrinsic functions already evaluated
 * @param region     the stand-in's region
 * @param accountId  the stand-in's account id
 */
public record ResourceRequest(String stackName, String logicalId, String type, Map<String, Object> properties,
                              String region, String accountId) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** @return the property as a string, or {@code null} when absent */
    public String string(String name) {
        Object value = properties.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** @return the property as a string; a missing one is a resource failure naming it */
    public String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw new ResourceFailure("Property " + name + " of " + logicalId + " (" + type + ") is required");
        }
        return value;
    }

    /** @return the property as a map, empty when absent */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object value = properties.get(name);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new ResourceFailure("Property " + name + " of " + logicalId + " must be an object");
    }

    /** @return the property as a list, empty when absent */
    public List<?> list(String name) {
        Object value = properties.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new ResourceFailure("Property " + name + " of " + logicalId + " must be a list");
    }

    /**
     * @param nameProperty the property that names the resource ({@code RoleName}, {@code QueueName}, …)
     * @param maxLength    the longest name the service accepts
     * @return the given name, or one generated as CloudFormation does: {@code <stack>-<logicalId>-<random>}
     */
    public String nameOrGenerated(String nameProperty, int maxLength) {
        String given = string(nameProperty);
        if (given != null && !given.isEmpty()) {
            return given;
        }
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            suffix.append(SUFFIX_CHARACTERS.charAt(RANDOM.nextInt(SUFFIX_CHARACTERS.length())));
        }
        String prefix = stackName + "-" + logicalId;
        int room = maxLength - suffix.length() - 1;
        return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + suffix;
    }
}
