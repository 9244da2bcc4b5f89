package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Building REST-JSON answers: nulls left out, timestamps as epoch seconds as AWS sends them. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    /** Epoch seconds with milliseconds, written plainly (never in exponent form). */
    static JsonNode time(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    static ObjectNode map(Map<String, String> values) {
        ObjectNode node = object();
        values.forEach(node::put);
        return node;
    }
}
