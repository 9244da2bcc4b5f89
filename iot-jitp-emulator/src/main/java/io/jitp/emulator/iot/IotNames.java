package io.jitp.emulator.iot;

import java.util.regex.Pattern;

/** The name rules of AWS IoT resources, checked before anything is stored. */
final class IotNames {
    private static final Pattern THING = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    private static final Pattern POLICY = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern RULE = Pattern.compile("[a-zA-Z0-9_]{1,128}");

    private IotNames() {
    }

    static void checkThingName(String name) {
        check(THING, name, "thingName", "[a-zA-Z0-9:_-]{1,128}");
    }

    static void checkPolicyName(String name) {
        check(POLICY, name, "policyName", "[\\w+=,.@-]{1,128}");
    }

    static void checkRuleName(String name) {
        check(RULE, name, "ruleName", "[a-zA-Z0-9_]{1,128}");
    }

    private static void check(Pattern pattern, String value, String field, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw IotException.invalidRequest("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + rule);
        }
    }
}
