package io.jitp.emulator.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed {@code WHERE} clause of a topic rule, evaluated against the JSON payload of a message. */
public sealed interface SqlCondition {

    /**
     * @param payload the message payload as JSON
     * @return whether the message satisfies the condition (comparisons with missing fields are false)
     */
    boolean test(JsonNode payload);

    /** {@code left AND right}. */
    record And(SqlCondition left, SqlCondition right) implements SqlCondition {
        @Override
        public boolean test(JsonNode payload) {
            return left.test(payload) && right.test(payload);
        }
    }

    /** {@code left OR right}. */
    record Or(SqlCondition left, SqlCondition right) implements SqlCondition {
        @Override
        public boolean test(JsonNode payload) {
            return left.test(payload) || right.test(payload);
        }
    }

    /** {@code NOT operand}. */
    record Not(SqlCondition operand) implements SqlCondition {
        @Override
        public boolean test(JsonNode payload) {
            return !operand.test(payload);
        }
    }

    /** {@code left <operator> right}, each side a field path or a literal. */
    record Comparison(SqlOperand left, String operator, SqlOperand right) implements SqlCondition {
        @Override
        public boolean test(JsonNode payload) {
            JsonNode a = left.value(payload);
            JsonNode b = right.value(payload);
            if (a.isMissingNode() || b.isMissingNode() || a.isNull() || b.isNull()) {
                return false;
            }
            Integer order = compare(a, b);
            if (order == null) {
                return false;
            }
            return switch (operator) {
                case "=" -> order == 0;
                case "<>", "!=" -> order != 0;
                case "<" -> order < 0;
                case ">" -> order > 0;
                case "<=" -> order <= 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        /** @return the order of two values of the same kind, or {@code null} when they cannot be compared */
        private static Integer compare(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue());
            }
            if (a.isTextual() && b.isTextual()) {
                return a.asText().compareTo(b.asText());
            }
            if (a.isBoolean() && b.isBoolean()) {
                return Boolean.compare(a.asBoolean(), b.asBoolean());
            }
            return null;
        }
    }
}
