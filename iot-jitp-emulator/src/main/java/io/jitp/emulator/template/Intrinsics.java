package io.jitp.emulator.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one evaluator of intrinsic functions, shared by CloudFormation stacks and JITP provisioning templates:
 * {@code Ref}, {@code Fn::Join}, {@code Fn::Sub} (string and list forms), {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::GetAtt} (list and dotted string forms), {@code Fn::FindInMap} and {@code Fn::Base64}.
 *
 * <p>Templates are the plain trees {@link TemplateReader} produces: maps, lists, strings, numbers, booleans. A map
 * with a single key that is one of these functions is a call; any other {@code Fn::} key is refused with an error
 * naming it, so a template using a function the stand-in lacks fails visibly instead of deploying garbage.
 */
public final class Intrinsics {

    /** The function names this evaluator understands, in their long form. */
    public static final Set<String> FUNCTIONS = Set.of(
            "Ref", "Fn::Join", "Fn::Sub", "Fn::Select", "Fn::Split", "Fn::GetAtt", "Fn::FindInMap", "Fn::Base64");

    private final IntrinsicContext context;

    /** @param context where references are resolved */
    public Intrinsics(IntrinsicContext context) {
        this.context = context;
    }

    /**
     * Evaluates every function call inside a template fragment.
     *
     * @param node a fragment of a template tree
     * @return a new tree without function calls (the input is not modified)
     * @throws TemplateException for an unknown function, a malformed call or an unresolvable reference
     */
    public Object evaluate(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (FUNCTIONS.contains(key)) {
                    return call(key, map.get(key));
                }
                if (key.startsWith("Fn::")) {
                    throw new TemplateException("Unsupported intrinsic function " + key
                            + " (the stand-in supports " + String.join(", ", FUNCTIONS.stream().sorted().toList()) + ")");
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), evaluate(v)));
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(evaluate(item)));
            return result;
        }
        return node;
    }

    /** Evaluates a fragment that must yield a single string (a name, an ARN, a document). */
    public String evaluateString(Object node, String what) {
        return asString(evaluate(node), what);
    }

    private Object call(String function, Object argument) {
        return switch (function) {
            case "Ref" -> context.ref(asString(evaluate(argument), "Ref"));
            case "Fn::Join" -> join(arguments(function, argument, 2));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Select" -> select(arguments(function, argument, 2));
            case "Fn::Split" -> split(arguments(function, argument, 2));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::FindInMap" -> findInMap(arguments(function, argument, 3));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    asString(evaluate(argument), function).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException(function);
        };
    }

    private List<?> arguments(String function, Object argument, int count) {
        if (!(argument instanceof List<?> list) || list.size() != count) {
            throw new TemplateException(function + " takes a list of " + count + " arguments, got " + argument);
        }
        return list;
    }

    private String join(List<?> arguments) {
        String delimiter = asString(evaluate(arguments.get(0)), "Fn::Join delimiter");
        List<String> parts = new ArrayList<>();
        for (Object item : asList(evaluate(arguments.get(1)), "Fn::Join")) {
            parts.add(asString(item, "Fn::Join element"));
        }
        return String.join(delimiter, parts);
    }

    private String sub(Object argument) {
        if (argument instanceof String text) {
            return SubstitutionString.substitute(text, this::subVariable);
        }
        List<?> arguments = arguments("Fn::Sub", argument, 2);
        String text = asString(arguments.get(0), "Fn::Sub string");
        if (!(arguments.get(1) instanceof Map<?, ?> variables)) {
            throw new TemplateException("Fn::Sub variables must be a map, got " + arguments.get(1));
        }
        return SubstitutionString.substitute(text, name -> variables.containsKey(name)
                ? asString(evaluate(variables.get(name)), "Fn::Sub variable " + name)
                : subVariable(name));
    }

    private String subVariable(String name) {
        int dot = name.indexOf('.');
        Object value = dot > 0 && !name.startsWith("AWS::")
                ? context.getAtt(name.substring(0, dot), name.substring(dot + 1))
                : context.ref(name);
        return asString(value, "${" + name + "}");
    }

    private Object select(List<?> arguments) {
        String indexText = asString(evaluate(arguments.get(0)), "Fn::Select index");
        List<?> items = asList(evaluate(arguments.get(1)), "Fn::Select");
        int index;
        try {
            index = Integer.parseInt(indexText.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException("Fn::Select index must be a number, got " + indexText);
        }
        if (index < 0 || index >= items.size()) {
            throw new TemplateException("Fn::Select index " + index + " is out of bounds for a list of " + items.size());
        }
        return items.get(index);
    }

    private List<String> split(List<?> arguments) {
        String delimiter = asString(evaluate(arguments.get(0)), "Fn::Split delimiter");
        String source = asString(evaluate(arguments.get(1)), "Fn::Split source");
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object getAtt(Object argument) {
        if (argument instanceof String dotted) {
            int dot = dotted.indexOf('.');
            if (dot <= 0) {
                throw new TemplateException("Fn::GetAtt needs LogicalId.Attribute, got " + dotted);
            }
            return context.getAtt(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        List<?> arguments = arguments("Fn::GetAtt", argument, 2);
        return context.getAtt(asString(arguments.get(0), "Fn::GetAtt resource"),
                asString(evaluate(arguments.get(1)), "Fn::GetAtt attribute"));
    }

    private Object findInMap(List<?> arguments) {
        String mapName = asString(evaluate(arguments.get(0)), "Fn::FindInMap map");
        String topKey = asString(evaluate(arguments.get(1)), "Fn::FindInMap key");
        String secondKey = asString(evaluate(arguments.get(2)), "Fn::FindInMap key");
        Object value = context.mappings().get(mapName) instanceof Map<?, ?> top
                && top.get(topKey) instanceof Map<?, ?> second ? second.get(secondKey) : null;
        if (value == null) {
            throw new TemplateException("Fn::FindInMap: no value for [" + mapName + ", " + topKey + ", " + secondKey + "]");
        }
        return value;
    }

    private static List<?> asList(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(what + " needs a list, got " + value);
    }

    private static String asString(Object value, String what) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new TemplateException(what + " needs a string, got " + value);
    }
}
