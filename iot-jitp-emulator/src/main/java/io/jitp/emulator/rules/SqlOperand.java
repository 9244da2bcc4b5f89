package io.jitp.emulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One side of a comparison in a {@code WHERE} clause: a literal, or a (dotted) path into the JSON payload. */
public sealed interface SqlOperand {

    /**
     * @param payload the message payload
     * @return the operand's value; a missing node when a path leads nowhere
     */
    JsonNode value(JsonNode payload);

    /** A string, number or boolean literal. */
    record Literal(JsonNode literal) implements SqlOperand {
        @Override
        public JsonNode value(JsonNode payload) {
            return literal;
        }
    }

    /** A field path such as {@code temperature} or {@code reading.value}. */
    record Field(String path) implements SqlOperand {
        @Override
        public JsonNode value(JsonNode payload) {
            JsonNode node = payload;
            for (String name : path.split("\\.")) {
                node = node.path(name);
            }
            return node == null ? MissingNode.getInstance() : node;
        }
    }
}
