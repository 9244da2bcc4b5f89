package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jitp.emulator.http.PercentEncoding;
import io.jitp.emulator.http.ReceivedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REST routes as the service model writes them ({@code GET /things/{thingName}}). Path segments are matched
 * still encoded and decoded afterwards, so an ARN with {@code %2F} stays one parameter.
 */
final class Routes {
    /** One operation: the JSON answer, or null for an empty 200. */
    @FunctionalInterface
    interface Operation {
        JsonNode handle(RestCall call);
    }

    private record Route(String method, String[] segments, Operation operation) {
    }

    /** A matched route with its decoded path parameters. */
    record Match(Operation operation, Map<String, String> pathParameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String template, Operation operation) {
        routes.add(new Route(method, split(template), operation));
        return this;
    }

    Optional<Match> match(ReceivedRequest request) {
        String[] segments = split(request.rawPath());
        for (Route route : routes) {
            if (route.method().equals(request.method()) && route.segments().length == segments.length) {
                Map<String, String> parameters = bind(route.segments(), segments);
                if (parameters != null) {
                    return Optional.of(new Match(route.operation(), parameters));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(String[] template, String[] actual) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String expected = template[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), PercentEncoding.decode(actual[i], false));
            } else if (!expected.equals(actual[i])) {
                return null;
            }
        }
        return parameters;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
