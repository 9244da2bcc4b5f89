package io.jitp.emulator.policy;

import java.util.List;

/**
 * One statement of a policy document.
 *
 * @param allow        {@code true} for {@code "Effect": "Allow"}, {@code false} for Deny
 * @param actions      {@code Action} patterns (empty when the statement uses {@code NotAction})
 * @param notActions   {@code NotAction} patterns
 * @param resources    {@code Resource} patterns (empty when the statement uses {@code NotResource})
 * @param notResources {@code NotResource} patterns
 * @param hasCondition whether the statement has a {@code Condition} block (not evaluated by the stand-in)
 */
record PolicyStatement(boolean allow, List<String> actions, List<String> notActions, List<String> resources,
                       List<String> notResources, boolean hasCondition) {

    /** @return whether the statement names this action (through Action, or by not naming it in NotAction) */
    boolean coversAction(String action) {
        if (!notActions.isEmpty()) {
            return notActions.stream().noneMatch(pattern -> Wildcards.matches(pattern, action, true));
        }
        return actions.stream().anyMatch(pattern -> Wildcards.matches(pattern, action, true));
    }

    /** @return whether the statement names this resource once its policy variables are substituted */
    boolean coversResource(String resourceArn, PolicyContext context) {
        if (!notResources.isEmpty()) {
            return notResources.stream().noneMatch(pattern -> matchesResource(pattern, resourceArn, context));
        }
        return resources.stream().anyMatch(pattern -> matchesResource(pattern, resourceArn, context));
    }

    private static boolean matchesResource(String pattern, String resourceArn, PolicyContext context) {
        return Wildcards.matches(PolicyVariables.substitute(pattern, context), resourceArn, false);
    }
}
