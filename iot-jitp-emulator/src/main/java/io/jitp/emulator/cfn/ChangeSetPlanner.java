package io.jitp.emulator.cfn;

import io.jitp.emulator.template.Intrinsics;
import io.jitp.emulator.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Works out which resources a change set would add, modify or remove, as DescribeChangeSet lists them. */
final class ChangeSetPlanner {

    private final String region;
    private final String accountId;

    ChangeSetPlanner(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    List<ResourceChange> plan(Stack stack, StackTemplate template, Map<String, String> parameters) {
        List<ResourceChange> changes = new ArrayList<>();
        Intrinsics intrinsics = new Intrinsics(new StackContext(region, accountId, stack, template, parameters));
        for (String logicalId : template.creationOrder()) {
            StackResource existing = stack.resources.get(logicalId);
            String type = template.type(logicalId);
            if (existing == null) {
                changes.add(new ResourceChange("Add", logicalId, null, type, null));
            } else if (!existing.type().equals(type)) {
                changes.add(new ResourceChange("Modify", logicalId, existing.physicalId(), type, "True"));
            } else if (!Objects.equals(evaluated(intrinsics, template.properties(logicalId)), existing.properties())) {
                changes.add(new ResourceChange("Modify", logicalId, existing.physicalId(), type, "Conditional"));
            }
        }
        stack.resources.values().stream().filter(resource -> !template.hasResource(resource.logicalId()))
                .forEach(resource -> changes.add(new ResourceChange("Remove", resource.logicalId(),
                        resource.physicalId(), resource.type(), null)));
        return changes;
    }

    /** @return the evaluated properties, or {@code null} when they depend on something not created yet */
    private static Object evaluated(Intrinsics intrinsics, Object properties) {
        try {
            return intrinsics.evaluate(properties);
        } catch (TemplateException e) {
            return null;
        }
    }
}
