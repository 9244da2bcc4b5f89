package io.jitp.emulator.cfn.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RecordedAction;
import io.jitp.emulator.iot.RuleAction;
import io.jitp.emulator.iot.SqsAction;
import io.jitp.emulator.iot.TopicRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS::IoT::TopicRule}: a real rule in the IoT registry, run by the data plane. Its {@code Sqs} actions send
 * to ElasticMQ queues; other actions are kept as given but not executed. {@code Ref} is the rule name.
 */
public final class TopicRuleProvisioner implements ResourceProvisioner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IotRegistry registry;

    /** @param registry where rules live */
    public TopicRuleProvisioner(IotRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ProvisionedResource create(ResourceRequest request) {
        String name = request.nameOrGenerated("RuleName", 128).replaceAll("[^a-zA-Z0-9_]", "_");
        Definition definition = definition(request);
        TopicRule rule = registry.createTopicRule(name, definition.sql, definition.sqlVersion, definition.description,
                definition.disabled, definition.actions);
        return new ProvisionedResource(rule.name(), Map.of("Arn", rule.arn()));
    }

    @Override
    public ProvisionedResource update(String physicalId, ResourceRequest request) {
        String name = request.string("RuleName");
        if (name != null && !name.equals(physicalId) || registry.findTopicRule(physicalId).isEmpty()) {
            delete(physicalId, request);
            return create(request);
        }
        Definition definition = definition(request);
        TopicRule rule = registry.replaceTopicRule(physicalId, definition.sql, definition.sqlVersion,
                definition.description, definition.disabled, definition.actions);
        return new ProvisionedResource(rule.name(), Map.of("Arn", rule.arn()));
    }

    @Override
    public void delete(String physicalId, ResourceRequest request) {
        if (registry.findTopicRule(physicalId).isPresent()) {
            registry.deleteTopicRule(physicalId);
        }
    }

    private record Definition(String sql, String sqlVersion, String description, boolean disabled,
                              List<RuleAction> actions) {
    }

    private static Definition definition(ResourceRequest request) {
        Map<String, Object> payload = request.map("TopicRulePayload");
        if (!(payload.get("Sql") instanceof String sql)) {
            throw new ResourceFailure("Property TopicRulePayload.Sql of " + request.logicalId() + " is required");
        }
        List<RuleAction> actions = new ArrayList<>();
        Object declared = payload.getOrDefault("Actions", List.of());
        if (!(declared instanceof List<?> list)) {
            throw new ResourceFailure("TopicRulePayload.Actions of " + request.logicalId() + " must be a list");
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> action) || action.size() != 1) {
                throw new ResourceFailure("Each rule action of " + request.logicalId() + " must name one action type");
            }
            Map.Entry<?, ?> entry = action.entrySet().iterator().next();
            actions.add(action(String.valueOf(entry.getKey()), entry.getValue(), request));
        }
        return new Definition(sql, stringOrNull(payload.get("AwsIotSqlVersion")), stringOrNull(payload.get("Description")),
                "true".equalsIgnoreCase(String.valueOf(payload.get("RuleDisabled"))), actions);
    }

    private static RuleAction action(String kind, Object settings, ResourceRequest request) {
        if ("Sqs".equals(kind)) {
            if (!(settings instanceof Map<?, ?> sqs) || sqs.get("QueueUrl") == null) {
                throw new ResourceFailure("The Sqs action of " + request.logicalId() + " needs a QueueUrl");
            }
            return new SqsAction(String.valueOf(sqs.get("QueueUrl")), stringOrNull(sqs.get("RoleArn")),
                    "true".equalsIgnoreCase(String.valueOf(sqs.get("UseBase64"))));
        }
        return new RecordedAction(Character.toLowerCase(kind.charAt(0)) + kind.substring(1), JSON.valueToTree(settings));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
