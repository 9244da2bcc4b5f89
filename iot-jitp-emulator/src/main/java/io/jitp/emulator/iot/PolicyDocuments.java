package io.jitp.emulator.iot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks that a policy document is an IAM-style policy AWS IoT would accept. */
final class PolicyDocuments {
    /** AWS counts the document's size without whitespace. */
    static final int MAX_NON_WHITESPACE_CHARS = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** @param document the policy JSON @throws IotException MalformedPolicyException when it is not a policy */
    static void validate(String document) {
        if (document == null || document.isBlank()) {
            throw IotException.malformedPolicy("Policy document is empty");
        }
        if (document.replaceAll("\\s", "").length() > MAX_NON_WHITESPACE_CHARS) {
            throw IotException.malformedPolicy("Policy document exceeds " + MAX_NON_WHITESPACE_CHARS
                    + " characters (whitespace excluded)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw IotException.malformedPolicy("Policy document is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw IotException.malformedPolicy("Policy document must be a JSON object");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || !(statements.isObject() || statements.isArray()) || statements.isEmpty()) {
            throw IotException.malformedPolicy("Policy document must have a Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            validateStatement(statement);
        }
    }

    private static void validateStatement(JsonNode statement) {
        String effect = statement.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw IotException.malformedPolicy("Statement Effect must be Allow or Deny, got '" + effect + "'");
        }
        for (String field : new String[] {"Action", "Resource"}) {
            JsonNode value = statement.get(field);
            if (value == null || !(value.isTextual() || value.isArray())) {
                throw IotException.malformedPolicy("Statement is missing " + field);
            }
        }
    }
}
