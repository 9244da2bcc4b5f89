package io.jitp.core.jitp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jitp.core.InvalidInputException;
import io.jitp.core.UserPaths;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JITP provisioning template (the CA's registration config body) and what it needs from device certificates.
 * AWS fills the {@code AWS::IoT::Certificate::*} parameters from the device certificate's subject; a declared
 * parameter the subject lacks (and without a {@code Default}) makes provisioning fail and leaves the certificate
 * in PENDING_ACTIVATION, which {@link #lint} catches before anything is registered.
 */
public final class ProvisioningTemplate {
    /** Prefix of the parameters AWS supplies. */
    public static final String PREFIX = "AWS::IoT::Certificate::";

    /** Template parameter (after the prefix) → subject attribute ({@link SubjectProfile} short name). */
    private static final Map<String, String> SUBJECT_ATTRIBUTES = Map.of(
            "Country", "C", "Organization", "O", "OrganizationalUnit", "OU", "StateName", "ST",
            "CommonName", "CN", "SerialNumber", "serialNumber", "DistinguishedNameQualifier", "dnQualifier");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String body;
    private final JsonNode tree;
    private final String source;

    private ProvisioningTemplate(String body, JsonNode tree, String source) {
        this.body = body;
        this.tree = tree;
        this.source = source;
    }

    /**
     * The seed's template: a thing named from the CommonName, the certificate ACTIVE, the policy {@code IoTAccess}.
     * Unlike the seed it does not declare {@code SerialNumber}: its devices have none, which is the very bug that
     * leaves certificates PENDING_ACTIVATION.
     *
     * @return the default template
     */
    public static ProvisioningTemplate defaultTemplate() {
        try (InputStream in = ProvisioningTemplate.class.getResourceAsStream("default-template.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the default JITP template");
        } catch (IOException e) {
            throw new IllegalStateException("The default JITP template is missing from the core jar", e);
        }
    }

    /**
     * @param file a JSON template file
     * @return the template
     * @throws IOException           if it cannot be read
     * @throws InvalidInputException if it is not a JSON object with Resources
     */
    public static ProvisioningTemplate read(Path file) throws IOException {
        return parse(UserPaths.readText(file, StandardCharsets.UTF_8, "JITP template file (iot.templateBody)"),
                file.toString());
    }

    /**
     * @param body   the template text
     * @param source where it came from, for messages
     * @return the template
     * @throws InvalidInputException if it is not a JSON object with Resources
     */
    public static ProvisioningTemplate parse(String body, String source) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("Resources").isObject()) {
            throw new InvalidInputException(source + " is not a provisioning template: it needs a Resources object");
        }
        return new ProvisioningTemplate(body, tree, source);
    }

    /** @return the template text as sent to AWS */
    public String body() {
        return body;
    }

    /** @return where it came from */
    public String source() {
        return source;
    }

    /**
     * @param otherBody another template text (e.g. the one registered)
     * @return true if both are the same JSON, whatever the formatting
     */
    public boolean sameAs(String otherBody) {
        try {
            return otherBody != null && tree.equals(JSON.readTree(otherBody));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * Finds every declared parameter that devices issued with this subject profile cannot satisfy.
     *
     * @param deviceSubject the subject attributes every device gets (CN is always present: the device id)
     * @return one line per problem, naming the parameter and the fix; empty when devices will provision
     */
    public List<String> lint(SubjectProfile deviceSubject) {
        List<String> problems = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>(deviceSubject.toAttributes());
        Iterator<Map.Entry<String, JsonNode>> parameters = tree.path("Parameters").fields();
        while (parameters.hasNext()) {
            Map.Entry<String, JsonNode> parameter = parameters.next();
            String name = parameter.getKey();
            String attribute = name.startsWith(PREFIX) ? SUBJECT_ATTRIBUTES.get(name.substring(PREFIX.length()))
                    : null;
            if (name.equals(PREFIX + "Id") || parameter.getValue().has("Default")) {
                continue;
            }
            if (attribute == null) {
                problems.add("parameter " + name + " is not one AWS supplies (only " + PREFIX + "{"
                        + String.join(", ", new TreeSet<>(SUBJECT_ATTRIBUTES.keySet())) + ", Id}); remove"
                        + " it or give it a Default");
            } else if (!attribute.equals("CN") && attributes.get(attribute) == null) {
                problems.add("parameter " + name + " needs the subject attribute " + attribute + ", which the"
                        + " devices this build issues do not have; set it with -D" + propertyFor(attribute)
                        + "=<value>, give the parameter a Default, or remove it");
            }
        }
        for (String name : references(tree.path("Resources"), new TreeSet<>())) {
            if (!tree.path("Parameters").has(name)) {
                problems.add("{\"Ref\": \"" + name + "\"} names a parameter the Parameters section does not declare;"
                        + " declare it (\"" + name + "\": {\"Type\": \"String\"}) or correct the name");
            }
        }
        return problems;
    }

    private static Set<String> references(JsonNode node, Set<String> found) {
        if (node.isObject() && node.size() == 1 && node.path("Ref").isTextual()) {
            found.add(node.get("Ref").asText());
        } else {
            node.elements().forEachRemaining(child -> references(child, found));
        }
        return found;
    }

    private static String propertyFor(String attribute) {
        return switch (attribute) {
            case "C" -> "iot.device.country";
            case "O" -> "iot.device.organization";
            case "OU" -> "iot.device.organizationalUnit";
            case "ST" -> "iot.device.state";
            case "serialNumber" -> "iot.device.serialNumber";
            default -> "iot.device.dnQualifier";
        };
    }

    @Override
    public String toString() {
        return source;
    }
}
