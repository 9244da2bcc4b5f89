package io.jitp.emulator.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A parsed IoT policy document: its statements, in document order. */
record PolicyDocument(List<PolicyStatement> statements) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param json the policy document
     * @return the parsed document
     * @throws IllegalArgumentException when the document is not a policy (the message says what is wrong)
     */
    static PolicyDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy document is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("policy document is not a JSON object");
        }
        JsonNode statementNode = root.path("Statement");
        List<PolicyStatement> statements = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(node -> statements.add(statement(node)));
        } else if (statementNode.isObject()) {
            statements.add(statement(statementNode));
        } else {
            throw new IllegalArgumentException("policy document has no Statement");
        }
        return new PolicyDocument(List.copyOf(statements));
    }

    private static PolicyStatement statement(JsonNode node) {
        String effect = node.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("statement Effect must be Allow or Deny, was '" + effect + "'");
        }
        return new PolicyStatement(effect.equals("Allow"), strings(node, "Action"), strings(node, "NotAction"),
                strings(node, "Resource"), strings(node, "NotResource"), node.has("Condition"));
    }

    /** IAM lets every list element be written as a single string or as an array of strings. */
    private static List<String> strings(JsonNode statement, String field) {
        JsonNode value = statement.path(field);
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> {
                if (!element.isTextual()) {
                    throw new IllegalArgumentException(field + " must hold strings, found " + element);
                }
                values.add(element.asText());
            });
        } else if (!value.isMissingNode()) {
            throw new IllegalArgumentException(field + " must be a string or a list of strings");
        }
        return List.copyOf(values);
    }
}
