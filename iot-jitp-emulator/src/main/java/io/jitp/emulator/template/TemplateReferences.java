package io.jitp.emulator.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a template fragment refers to through {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub}: what a
 * resource depends on, so that resources are created after the ones they use and deleted before them.
 */
public final class TemplateReferences {

    private TemplateReferences() {
    }

    /** @return every referenced name (parameters, pseudo parameters and logical ids alike), in order of appearance */
    public static Set<String> of(Object node) {
        Set<String> names = new LinkedHashSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                Object argument = map.get(key);
                if ("Ref".equals(key) && argument instanceof String name) {
                    names.add(name);
                } else if ("Fn::GetAtt".equals(key)) {
                    addGetAttTarget(argument, names);
                } else if ("Fn::Sub".equals(key)) {
                    addSubVariables(argument, names);
                }
            }
            map.values().forEach(value -> collect(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, names));
        }
    }

    private static void addGetAttTarget(Object argument, Set<String> names) {
        if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String name) {
            names.add(name);
        } else if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            names.add(dotted.substring(0, dotted.indexOf('.')));
        }
    }

    private static void addSubVariables(Object argument, Set<String> names) {
        String text = argument instanceof String s ? s
                : argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s ? s : null;
        Set<?> local = argument instanceof List<?> list && list.size() > 1 && list.get(1) instanceof Map<?, ?> m
                ? m.keySet() : Set.of();
        if (text != null) {
            for (String name : SubstitutionString.variables(text)) {
                if (!local.contains(name)) {
                    int dot = name.indexOf('.');
                    names.add(dot > 0 && !name.startsWith("AWS::") ? name.substring(0, dot) : name);
                }
            }
        }
    }
}
