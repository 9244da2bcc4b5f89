package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.http.ReceivedRequest;
import io.jitp.emulator.iot.IotException;
import java.io.IOException;
import java.util.Map;

/** One REST call: the request, its decoded path parameters and query, and typed access to its inputs. */
final class RestCall {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReceivedRequest request;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private JsonNode body;

    RestCall(ReceivedRequest request, Map<String, String> pathParameters) {
        this.request = request;
        this.pathParameters = pathParameters;
        this.query = request.queryParameters();
    }

    String path(String name) {
        return pathParameters.get(name);
    }

    String query(String name) {
        return query.get(name);
    }

    boolean queryFlag(String name) {
        return parseBoolean(query.get(name), name);
    }

    Integer queryInt(String name, int min, int max) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw IotException.invalidRequest("1 validation error detected: Value '" + value + "' at '" + name
                + "' failed to satisfy constraint: Member must have value between " + min + " and " + max);
    }

    <E extends Enum<E>> E queryEnum(String name, Class<E> type) {
        return parseEnum(query.get(name), name, type);
    }

    String header(String name) {
        return request.header(name);
    }

    String requiredHeader(String name, String member) {
        String value = header(name);
        if (value == null || value.isBlank()) {
            throw IotException.invalidRequest("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** @return the JSON body, an empty object when there is none */
    JsonNode body() {
        if (body == null) {
            try {
                body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
            } catch (IOException e) {
                throw new IotException("SerializationException", 400, "The request body is not valid JSON: "
                        + e.getMessage());
            }
            if (!body.isObject()) {
                throw new IotException("SerializationException", 400, "The request body must be a JSON object");
            }
        }
        return body;
    }

    String text(String field) {
        JsonNode value = body().get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw IotException.invalidRequest("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    boolean flag(String field) {
        JsonNode value = body().get(field);
        return value != null && value.asBoolean(false);
    }

    <E extends Enum<E>> E bodyEnum(String field, Class<E> type) {
        return parseEnum(text(field), field, type);
    }

    static <E extends Enum<E>> E parseEnum(String value, String member, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw IotException.invalidRequest("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean parseBoolean(String value, String member) {
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw IotException.invalidRequest("Value '" + value + "' at '" + member + "' is not a boolean");
    }
}
