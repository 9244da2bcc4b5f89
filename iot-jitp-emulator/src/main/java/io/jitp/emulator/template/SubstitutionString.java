package io.jitp.emulator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${…}} placeholders of an {@code Fn::Sub} string. {@code ${!Literal}} stands for the text
 * {@code ${Literal}}, and IoT policy variables ({@code ${iot:ClientId}}, {@code ${iot:Certificate.Subject.CommonName}})
 * are left untouched because they belong to the policy, not to the template.
 */
final class SubstitutionString {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private SubstitutionString() {
    }

    /** @return the variable names the string refers to (literals and policy variables excluded) */
    static List<String> variables(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            if (isSubstituted(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return the text with every substituted variable replaced by {@code valueOf(name)} */
    static String substitute(String text, Function<String, String> valueOf) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (isSubstituted(name)) {
                replacement = valueOf.apply(name);
            } else {
                replacement = matcher.group();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static boolean isSubstituted(String name) {
        return !name.startsWith("!") && !name.startsWith("iot:");
    }
}
