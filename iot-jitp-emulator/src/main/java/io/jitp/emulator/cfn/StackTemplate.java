package io.jitp.emulator.cfn;

import io.jitp.emulator.template.TemplateException;
import io.jitp.emulator.template.TemplateReader;
import io.jitp.emulator.template.TemplateReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed and checked CloudFormation template: its parameters, mappings, resources in dependency order, and
 * outputs. Every problem CloudFormation would reject at submission is a {@code ValidationError} here.
 */
final class StackTemplate {

    private final Map<String, Object> tree;
    private final Map<String, ParameterDeclaration> parameters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final List<String> creationOrder;

    private StackTemplate(Map<String, Object> tree) {
        this.tree = tree;
        for (String unsupported : List.of("Conditions", "Transform", "Rules")) {
            if (tree.containsKey(unsupported)) {
                throw CloudFormationException.validation("Template section " + unsupported
                        + " is not supported by the local stand-in");
            }
        }
        section("Parameters").forEach((key, value) -> parameters.put(key, declaration(key, value)));
        Map<String, Object> declared = section("Resources");
        if (declared.isEmpty()) {
            throw CloudFormationException.validation(
                    "Template format error: At least one Resources member must be defined.");
        }
        declared.forEach((logicalId, value) -> resources.put(logicalId, resource(logicalId, value)));
        checkReferences();
        creationOrder = dependencyOrder();
    }

    /** @throws CloudFormationException ValidationError when the body is malformed or inconsistent */
    static StackTemplate parse(String body) {
        try {
            return new StackTemplate(TemplateReader.read(body));
        } catch (TemplateException e) {
            throw CloudFormationException.validation(e.getMessage());
        }
    }

    Map<String, Object> tree() {
        return tree;
    }

    String description() {
        return tree.get("Description") instanceof String text ? text : null;
    }

    Map<String, ParameterDeclaration> parameters() {
        return parameters;
    }

    Map<String, Object> mappings() {
        return section("Mappings");
    }

    Map<String, Object> outputs() {
        return section("Outputs");
    }

    /** @return logical ids, each after the resources it refers to or depends on */
    List<String> creationOrder() {
        return creationOrder;
    }

    String type(String logicalId) {
        return (String) resources.get(logicalId).get("Type");
    }

    Object properties(String logicalId) {
        Object properties = resources.get(logicalId).get("Properties");
        return properties == null ? Map.of() : properties;
    }

    boolean hasResource(String logicalId) {
        return resources.containsKey(logicalId);
    }

    Set<String> resourceTypes() {
        Set<String> types = new TreeSet<>();
        resources.keySet().forEach(id -> types.add(type(id)));
        return types;
    }

    /**
     * Combines submitted values, previous values and defaults into the stack's parameter values.
     *
     * @param submitted       values given with the request
     * @param usePrevious     keys whose value is kept from {@code previous}
     * @param previous        the stack's current values (empty for a new stack)
     */
    Map<String, String> resolveParameters(Map<String, String> submitted, Set<String> usePrevious,
                                          Map<String, String> previous) {
        Set<String> unknown = new TreeSet<>(submitted.keySet());
        unknown.addAll(usePrevious);
        unknown.removeAll(parameters.keySet());
        if (!unknown.isEmpty()) {
            throw CloudFormationException.validation("Parameters: " + unknown + " do not exist in the template");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ParameterDeclaration declaration : parameters.values()) {
            String key = declaration.key();
            String value = usePrevious.contains(key) ? previous.get(key)
                    : submitted.getOrDefault(key, declaration.defaultValue());
            if (value == null) {
                missing.add(key);
            } else if (!declaration.allowedValues().isEmpty() && !declaration.allowedValues().contains(value)) {
                throw CloudFormationException.validation("Parameter '" + key + "' must be one of AllowedValues");
            } else if ("Number".equals(declaration.type()) && !value.matches("-?\\d+(\\.\\d+)?")) {
                throw CloudFormationException.validation("Parameter '" + key + "' must be a number not '" + value + "'");
            } else {
                values.put(key, value);
            }
        }
        if (!missing.isEmpty()) {
            throw CloudFormationException.validation("Parameters: " + missing + " must have values");
        }
        return values;
    }

    private void checkReferences() {
        Set<String> unresolved = new TreeSet<>();
        for (Map<String, Object> resource : resources.values()) {
            collectUnresolved(resource.get("Properties"), unresolved);
            dependsOn(resource).stream().filter(name -> !resources.containsKey(name)).forEach(unresolved::add);
        }
        collectUnresolved(tree.get("Outputs"), unresolved);
        if (!unresolved.isEmpty()) {
            throw CloudFormationException.validation("Template format error: Unresolved resource dependencies "
                    + unresolved + " in the Resources block of the template");
        }
    }

    private void collectUnresolved(Object node, Set<String> unresolved) {
        for (String name : TemplateReferences.of(node)) {
            if (!resources.containsKey(name) && !parameters.containsKey(name) && !PseudoParameters.NAMES.contains(name)) {
                unresolved.add(name);
            }
        }
    }

    private List<String> dependencyOrder() {
        List<String> order = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String logicalId : resources.keySet()) {
            visit(logicalId, visiting, order);
        }
        return List.copyOf(order);
    }

    private void visit(String logicalId, Set<String> visiting, List<String> order) {
        if (order.contains(logicalId)) {
            return;
        }
        if (!visiting.add(logicalId)) {
            throw CloudFormationException.validation("Circular dependency between resources: " + visiting);
        }
        Map<String, Object> resource = resources.get(logicalId);
        Set<String> dependencies = new LinkedHashSet<>(dependsOn(resource));
        TemplateReferences.of(resource.get("Properties")).stream().filter(resources::containsKey)
                .forEach(dependencies::add);
        for (String dependency : dependencies) {
            visit(dependency, visiting, order);
        }
        visiting.remove(logicalId);
        order.add(logicalId);
    }

    private static Collection<String> dependsOn(Map<String, Object> resource) {
        Object value = resource.get("DependsOn");
        if (value instanceof String name) {
            return List.of(name);
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private Map<String, Object> section(String name) {
        Object value = tree.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw CloudFormationException.validation("Template format error: " + name + " must be a map");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static Map<String, Object> resource(String logicalId, Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("Type") instanceof String)) {
            throw CloudFormationException.validation(
                    "Template format error: [/Resources/" + logicalId
                            + "] Every Resources object must contain a Type member.");
        }
        if (map.containsKey("Condition")) {
            throw CloudFormationException.validation("Resource " + logicalId
                    + " has a Condition; conditions are not supported by the local stand-in");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static ParameterDeclaration declaration(String key, Object value) {
        if (!(value instanceof Map<?, ?> map) || map.get("Type") == null) {
            throw CloudFormationException.validation(
                    "Template format error: Every Parameters object must contain a Type member (" + key + ")");
        }
        Object defaultValue = map.get("Default");
        String defaultText = defaultValue instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : defaultValue == null ? null : String.valueOf(defaultValue);
        List<String> allowed = map.get("AllowedValues") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new ParameterDeclaration(key, String.valueOf(map.get("Type")), defaultText,
                map.get("Description") instanceof String d ? d : null,
                "true".equalsIgnoreCase(String.valueOf(map.get("NoEcho"))), allowed);
    }
}
