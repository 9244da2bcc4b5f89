package io.jitp.emulator.cfn;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Finding, naming and checking stacks: what stack and change-set actions share. */
final class Stacks {

    private final String region;
    private final String accountId;
    private final StackStore store;

    Stacks(String region, String accountId, StackStore store) {
        this.region = region;
        this.accountId = accountId;
        this.store = store;
    }

    /** @return a new stack with a fresh stack id; @throws CloudFormationException for an invalid name */
    Stack newStack(String name) {
        if (!name.matches("[a-zA-Z][-a-zA-Z0-9]{0,127}")) {
            throw CloudFormationException.validation("1 validation error detected: Value '" + name
                    + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z][-a-zA-Z0-9]*");
        }
        return new Stack(arn("stack", name), name, Instant.now());
    }

    /** @return {@code arn:aws:cloudformation:<region>:<account>:<kind>/<name>/<uuid>}, as stack and change set ids are */
    String arn(String kind, String name) {
        return "arn:aws:cloudformation:" + region + ":" + accountId + ":" + kind + "/" + name + "/" + UUID.randomUUID();
    }

    /** @return the stack; @throws CloudFormationException ValidationError when there is none */
    Stack existing(String nameOrId) {
        return store.find(nameOrId).orElseThrow(() ->
                CloudFormationException.validation("Stack [" + nameOrId + "] does not exist"));
    }

    /** @throws CloudFormationException unless the stack is in a state that accepts updates */
    static void checkUpdatable(Stack stack) {
        boolean updatable = stack.status.endsWith("_COMPLETE") && !"ROLLBACK_COMPLETE".equals(stack.status)
                && !stack.status.startsWith("DELETE") && !stack.status.contains("CLEANUP");
        if (!updatable) {
            throw CloudFormationException.validation("Stack:" + stack.stackId + " is in " + stack.status
                    + " state and can not be updated.");
        }
    }

    /** @return whether applying this template and these parameters would change nothing */
    static boolean sameTemplateAndParameters(Stack stack, StackTemplate template, Map<String, String> parameters) {
        return stack.templateBody != null && StackTemplate.parse(stack.templateBody).tree().equals(template.tree())
                && stack.parameters.equals(parameters);
    }

}
