package io.jitp.emulator.cfn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads query-protocol form parameters, including lists ({@code Capabilities.member.N}) and lists of structures. */
final class QueryForm {

    private final Map<String, String> form;

    QueryForm(Map<String, String> form) {
        this.form = form;
    }

    /** @return the value, or {@code null} */
    String get(String name) {
        return form.get(name);
    }

    /** @throws CloudFormationException ValidationError naming the parameter when it is missing */
    String required(String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw CloudFormationException.validation("1 validation error detected: Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** @return {@code prefix.member.1}, {@code prefix.member.2}, … in order */
    List<String> list(String prefix) {
        return new ArrayList<>(indexed(prefix + ".member.").values());
    }

    /** @return the structures {@code prefix.member.N.Field}, each as a map of its fields, in order */
    List<Map<String, String>> structures(String prefix) {
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        String start = prefix + ".member.";
        form.forEach((key, value) -> {
            if (key.startsWith(start)) {
                String rest = key.substring(start.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    byIndex.computeIfAbsent(index(rest.substring(0, dot)), i -> new TreeMap<>())
                            .put(rest.substring(dot + 1), value);
                }
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    private Map<Integer, String> indexed(String start) {
        Map<Integer, String> byIndex = new TreeMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(start) && key.indexOf('.', start.length()) < 0) {
                byIndex.put(index(key.substring(start.length())), value);
            }
        });
        return byIndex;
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw CloudFormationException.validation("Malformed list index " + text);
        }
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
