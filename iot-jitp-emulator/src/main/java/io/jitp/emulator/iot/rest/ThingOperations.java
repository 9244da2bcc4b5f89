package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.Thing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Things and their principals: Create/Describe/List/Update/DeleteThing, (Attach|Detach|List)ThingPrincipal(s), ListPrincipalThings. */
final class ThingOperations {
    /** The header AWS carries the principal ARN in. */
    static final String PRINCIPAL_HEADER = "x-amzn-principal";

    private final IotRegistry registry;

    ThingOperations(IotRegistry registry) {
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.add("POST", "/things/{thingName}", this::create)
                .add("GET", "/things/{thingName}", this::describe)
                .add("PATCH", "/things/{thingName}", this::update)
                .add("DELETE", "/things/{thingName}", this::delete)
                .add("GET", "/things", this::list)
                .add("GET", "/things/{thingName}/principals", this::listPrincipals)
                .add("PUT", "/things/{thingName}/principals", this::attachPrincipal)
                .add("DELETE", "/things/{thingName}/principals", this::detachPrincipal)
                .add("GET", "/principals/things", this::listPrincipalThings);
    }

    private JsonNode create(RestCall call) {
        Thing thing = registry.createThing(call.path("thingName"), call.text("thingTypeName"),
                attributes(call.body().path("attributePayload").get("attributes")));
        return Json.object().put("thingName", thing.name()).put("thingArn", thing.arn()).put("thingId", thing.id());
    }

    private JsonNode describe(RestCall call) {
        Thing thing = find(call.path("thingName"));
        ObjectNode reply = Json.object().put("defaultClientId", thing.defaultClientId())
                .put("thingName", thing.name()).put("thingId", thing.id()).put("thingArn", thing.arn());
        Json.put(reply, "thingTypeName", thing.thingTypeName());
        reply.set("attributes", Json.map(thing.attributes()));
        return reply.put("version", thing.version());
    }

    private JsonNode update(RestCall call) {
        JsonNode payload = call.body().path("attributePayload");
        JsonNode expected = call.body().get("expectedVersion");
        registry.updateThing(call.path("thingName"), call.text("thingTypeName"), call.flag("removeThingType"),
                attributes(payload.get("attributes")), payload.path("merge").asBoolean(false),
                expected == null || expected.isNull() ? null : expected.asLong());
        return null;
    }

    private JsonNode delete(RestCall call) {
        String name = call.path("thingName");
        String expected = call.query("expectedVersion");
        if (expected != null) {
            registry.findThing(name).ifPresent(thing -> {
                if (!Objects.equals(expected, Long.toString(thing.version()))) {
                    throw IotException.versionConflict("Thing " + name + " is at version " + thing.version()
                            + ", not " + expected);
                }
            });
        }
        registry.deleteThing(name);
        return null;
    }

    private JsonNode list(RestCall call) {
        String attributeName = call.query("attributeName");
        String attributeValue = call.query("attributeValue");
        boolean prefix = call.queryFlag("usePrefixAttributeValue");
        String type = call.query("thingTypeName");
        List<Thing> things = registry.things().stream()
                .filter(t -> type == null || type.equals(t.thingTypeName()))
                .filter(t -> attributeName == null || matches(t.attributes().get(attributeName), attributeValue,
                        prefix))
                .toList();
        Pages.Page<Thing> page = Pages.of(things, call.queryInt("maxResults", 1, 250), call.query("nextToken"), 50);
        ArrayNode items = Json.array();
        for (Thing thing : page.items()) {
            ObjectNode item = items.addObject().put("thingName", thing.name());
            Json.put(item, "thingTypeName", thing.thingTypeName());
            item.put("thingArn", thing.arn());
            item.set("attributes", Json.map(thing.attributes()));
            item.put("version", thing.version());
        }
        ObjectNode reply = Json.object();
        reply.set("things", items);
        return Json.put(reply, "nextToken", page.next());
    }

    private static boolean matches(String actual, String wanted, boolean prefix) {
        if (actual == null) {
            return false;
        }
        return wanted == null || (prefix ? actual.startsWith(wanted) : actual.equals(wanted));
    }

    private JsonNode listPrincipals(RestCall call) {
        return stringPage(call, "principals", registry.thingPrincipals(call.path("thingName")));
    }

    private JsonNode attachPrincipal(RestCall call) {
        registry.attachThingPrincipal(call.path("thingName"), call.requiredHeader(PRINCIPAL_HEADER, "principal"));
        return null;
    }

    private JsonNode detachPrincipal(RestCall call) {
        registry.detachThingPrincipal(call.path("thingName"), call.requiredHeader(PRINCIPAL_HEADER, "principal"));
        return null;
    }

    private JsonNode listPrincipalThings(RestCall call) {
        return stringPage(call, "things",
                registry.principalThings(call.requiredHeader(PRINCIPAL_HEADER, "principal")));
    }

    private static JsonNode stringPage(RestCall call, String field, List<String> all) {
        Pages.Page<String> page = Pages.of(all, call.queryInt("maxResults", 1, 250), call.query("nextToken"), 25);
        ArrayNode items = Json.array();
        page.items().forEach(items::add);
        ObjectNode reply = Json.object();
        reply.set(field, items);
        return Json.put(reply, "nextToken", page.next());
    }

    private Thing find(String name) {
        return registry.findThing(name).orElseThrow(() -> IotException.notFound("Thing " + name
                + " cannot be found."));
    }

    private static Map<String, String> attributes(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        node.properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return attributes;
    }
}
