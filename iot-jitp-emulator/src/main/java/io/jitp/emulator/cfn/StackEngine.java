package io.jitp.emulator.cfn;

import io.jitp.emulator.cfn.resources.ProvisionedResource;
import io.jitp.emulator.cfn.resources.ResourceProvisioner;
import io.jitp.emulator.cfn.resources.ResourceRequest;
import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.template.Intrinsics;
import io.jitp.emulator.template.TemplateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stack operations to completion, synchronously, with the statuses and events CloudFormation shows:
 * {@code CREATE_IN_PROGRESS → CREATE_COMPLETE}, or {@code ROLLBACK_IN_PROGRESS → ROLLBACK_COMPLETE} with the failed
 * resource's reason and every resource created so far deleted; {@code UPDATE_*} with
 * {@code UPDATE_ROLLBACK_*} on failure; {@code DELETE_*}.
 */
final class StackEngine {

    static final String STACK_TYPE = "AWS::CloudFormation::Stack";
    private static final Logger LOG = LoggerFactory.getLogger(StackEngine.class);

    private final String region;
    private final String accountId;
    private final ResourceTypes types;

    StackEngine(String region, String accountId, ResourceTypes types) {
        this.region = region;
        this.accountId = accountId;
        this.types = types;
    }

    /** Creates every resource of a new (or REVIEW_IN_PROGRESS) stack, rolling back on the first failure. */
    void create(Stack stack, StackTemplate template, String body, Map<String, String> parameters) {
        stack.templateBody = body;
        stack.description = template.description();
        stack.parameters = new LinkedHashMap<>(parameters);
        stackEvent(stack, "CREATE_IN_PROGRESS", "User Initiated");
        StackContext context = new StackContext(region, accountId, stack, template, parameters);
        try {
            for (String logicalId : template.creationOrder()) {
                provision(stack, template, context, logicalId, null);
            }
            stack.outputs = outputs(template, context);
            stackEvent(stack, "CREATE_COMPLETE", null);
        } catch (FailedResource failure) {
            stackEvent(stack, "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: ["
                    + failure.logicalId + "]. Rollback requested by user.");
            boolean clean = deleteAll(stack);
            stackEvent(stack, clean ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED", null);
        }
    }

    /**
     * Updates a stack in place: changed resources are updated, new ones created, removed ones deleted once the
     * rest succeeded. On failure, resources are put back as they were.
     */
    void update(Stack stack, StackTemplate template, String body, Map<String, String> parameters) {
        Map<String, StackResource> before = new LinkedHashMap<>(stack.resources);
        String previousBody = stack.templateBody;
        Map<String, String> previousParameters = stack.parameters;
        stack.templateBody = body;
        stack.parameters = new LinkedHashMap<>(parameters);
        stack.lastUpdatedTime = Instant.now();
        stackEvent(stack, "UPDATE_IN_PROGRESS", "User Initiated");
        StackContext context = new StackContext(region, accountId, stack, template, parameters);
        try {
            for (String logicalId : template.creationOrder()) {
                provision(stack, template, context, logicalId, before.get(logicalId));
            }
            List<StackOutput> outputs = outputs(template, context);
            stackEvent(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
            List<String> removed = new ArrayList<>(before.keySet());
            removed.removeIf(template::hasResource);
            deleteResources(stack, removed);
            stack.outputs = outputs;
            stack.description = template.description();
            stackEvent(stack, "UPDATE_COMPLETE", null);
        } catch (FailedResource failure) {
            stackEvent(stack, "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: ["
                    + failure.logicalId + "].");
            restore(stack, before);
            stack.templateBody = previousBody;
            stack.parameters = previousParameters;
            stackEvent(stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
            stackEvent(stack, "UPDATE_ROLLBACK_COMPLETE", null);
        }
    }

    /** Deletes every resource, newest first. */
    void delete(Stack stack) {
        stackEvent(stack, "DELETE_IN_PROGRESS", "User Initiated");
        if (deleteAll(stack)) {
            stack.deletionTime = Instant.now();
            stackEvent(stack, "DELETE_COMPLETE", null);
        } else {
            stackEvent(stack, "DELETE_FAILED", "The following resource(s) failed to delete: "
                    + List.copyOf(stack.resources.keySet()) + ". ");
        }
    }

    private void provision(Stack stack, StackTemplate template, StackContext context, String logicalId,
                           StackResource existing) {
        String type = template.type(logicalId);
        boolean replace = existing != null && !existing.type().equals(type);
        String verb = existing == null || replace ? "CREATE" : "UPDATE";
        Map<String, Object> properties;
        try {
            properties = evaluate(new Intrinsics(context), template.properties(logicalId));
        } catch (TemplateException e) {
            resourceEvent(stack, logicalId, physicalIdOf(existing), type, verb + "_FAILED", e.getMessage());
            throw new FailedResource(logicalId);
        }
        if (existing != null && !replace && properties.equals(existing.properties())) {
            return;
        }
        if (replace) {
            deleteResources(stack, List.of(logicalId));
        }
        ResourceRequest request = new ResourceRequest(stack.stackName, logicalId, type, properties, region, accountId);
        resourceEvent(stack, logicalId, verb.equals("UPDATE") ? existing.physicalId() : "", type, verb + "_IN_PROGRESS",
                null);
        try {
            ResourceProvisioner provisioner = types.provisioner(type);
            ProvisionedResource result = verb.equals("UPDATE")
                    ? provisioner.update(existing.physicalId(), request) : provisioner.create(request);
            stack.resources.put(logicalId, new StackResource(logicalId, type, result.physicalId(), result.attributes(),
                    properties, verb + "_COMPLETE", Instant.now()));
            resourceEvent(stack, logicalId, result.physicalId(), type, verb + "_COMPLETE", result.note());
        } catch (RuntimeException e) {
            LOG.warn("Stack {}: {} {} failed: {}", stack.stackName, verb.toLowerCase(), logicalId, e.getMessage());
            resourceEvent(stack, logicalId, physicalIdOf(existing), type, verb + "_FAILED", e.getMessage());
            throw new FailedResource(logicalId);
        }
    }

    /** Puts resources back to how they were before a failed update: new ones deleted, changed ones re-applied. */
    private void restore(Stack stack, Map<String, StackResource> before) {
        List<String> added = new ArrayList<>(stack.resources.keySet());
        added.removeAll(before.keySet());
        deleteResources(stack, added);
        for (StackResource previous : before.values()) {
            StackResource current = stack.resources.get(previous.logicalId());
            if (current != null && current.properties().equals(previous.properties())) {
                continue;
            }
            ResourceRequest request = new ResourceRequest(stack.stackName, previous.logicalId(), previous.type(),
                    previous.properties(), region, accountId);
            resourceEvent(stack, previous, "UPDATE_IN_PROGRESS", null);
            try {
                ResourceProvisioner provisioner = types.provisioner(previous.type());
                ProvisionedResource result = current == null ? provisioner.create(request)
                        : provisioner.update(current.physicalId(), request);
                stack.resources.put(previous.logicalId(), new StackResource(previous.logicalId(), previous.type(),
                        result.physicalId(), result.attributes(), previous.properties(), "UPDATE_COMPLETE", Instant.now()));
                resourceEvent(stack, previous.logicalId(), result.physicalId(), previous.type(), "UPDATE_COMPLETE", null);
            } catch (RuntimeException e) {
                resourceEvent(stack, previous, "UPDATE_FAILED", e.getMessage());
            }
        }
    }

    private boolean deleteAll(Stack stack) {
        return deleteResources(stack, new ArrayList<>(stack.resources.keySet()));
    }

    /** Deletes the given resources in reverse order; @return whether all of them are gone. */
    private boolean deleteResources(Stack stack, List<String> logicalIds) {
        boolean clean = true;
        for (int i = logicalIds.size() - 1; i >= 0; i--) {
            StackResource resource = stack.resources.get(logicalIds.get(i));
            if (resource == null) {
                continue;
            }
            resourceEvent(stack, resource, "DELETE_IN_PROGRESS", null);
            try {
                types.provisioner(resource.type()).delete(resource.physicalId(), new ResourceRequest(stack.stackName,
                        resource.logicalId(), resource.type(), resource.properties(), region, accountId));
                stack.resources.remove(resource.logicalId());
                resourceEvent(stack, resource, "DELETE_COMPLETE", null);
            } catch (RuntimeException e) {
                clean = false;
                resourceEvent(stack, resource, "DELETE_FAILED", e.getMessage());
            }
        }
        return clean;
    }

    private List<StackOutput> outputs(StackTemplate template, StackContext context) {
        Intrinsics intrinsics = new Intrinsics(context);
        List<StackOutput> outputs = new ArrayList<>();
        template.outputs().forEach((key, definition) -> {
            if (!(definition instanceof Map<?, ?> output) || !output.containsKey("Value")) {
                throw CloudFormationException.validation("Template format error: Output " + key + " must have a Value");
            }
            String exportName = output.get("Export") instanceof Map<?, ?> export && export.containsKey("Name")
                    ? intrinsics.evaluateString(export.get("Name"), "Export Name") : null;
            Object value;
            try {
                value = intrinsics.evaluate(output.get("Value"));
            } catch (TemplateException e) {
                LOG.warn("Output {} cannot be evaluated: {}", key, e.getMessage());
                throw new FailedResource(key);
            }
            String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            outputs.add(new StackOutput(key, text,
                    output.get("Description") instanceof String d ? d : null, exportName));
        });
        return outputs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluate(Intrinsics intrinsics, Object properties) {
        Object value = intrinsics.evaluate(properties);
        if (!(value instanceof Map<?, ?>)) {
            throw new TemplateException("Properties must be an object");
        }
        return (Map<String, Object>) value;
    }

    private void stackEvent(Stack stack, String status, String reason) {
        stack.status = status;
        stack.statusReason = reason;
        resourceEvent(stack, stack.stackName, stack.stackId, STACK_TYPE, status, reason);
    }

    private static String physicalIdOf(StackResource resource) {
        return resource == null ? "" : resource.physicalId();
    }

    private static void resourceEvent(Stack stack, StackResource resource, String status, String reason) {
        resourceEvent(stack, resource.logicalId(), resource.physicalId(), resource.type(), status, reason);
    }

    private static void resourceEvent(Stack stack, String logicalId, String physicalId, String type, String status,
                                      String reason) {
        stack.events.add(new StackEvent(UUID.randomUUID().toString(), logicalId, physicalId, type, Instant.now(),
                status, reason));
    }

    /** Unwinds a create or update after the failed resource's event was recorded. */
    private static final class FailedResource extends RuntimeException {
        private final String logicalId;

        FailedResource(String logicalId) {
            super(logicalId, null, false, false);
            this.logicalId = logicalId;
        }
    }
}
