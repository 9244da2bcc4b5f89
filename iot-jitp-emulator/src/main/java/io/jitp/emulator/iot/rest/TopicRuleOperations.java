package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RecordedAction;
import io.jitp.emulator.iot.RuleAction;
import io.jitp.emulator.iot.SqsAction;
import io.jitp.emulator.iot.TopicRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Topic rules: Create/Get/Replace/Delete/ListTopicRules, Enable/DisableTopicRule. */
final class TopicRuleOperations {
    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+'([^']*)'");

    private final IotRegistry registry;

    TopicRuleOperations(IotRegistry registry) {
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.add("POST", "/rules/{ruleName}", this::create)
                .add("GET", "/rules/{ruleName}", this::get)
                .add("PATCH", "/rules/{ruleName}", this::replace)
                .add("DELETE", "/rules/{ruleName}", this::delete)
                .add("POST", "/rules/{ruleName}/enable", call -> setEnabled(call, true))
                .add("POST", "/rules/{ruleName}/disable", call -> setEnabled(call, false))
                .add("GET", "/rules", this::list);
    }

    private JsonNode create(RestCall call) {
        registry.createTopicRule(call.path("ruleName"), call.requiredText("sql"), call.text("awsIotSqlVersion"),
                call.text("description"), call.flag("ruleDisabled"), actions(call.body().get("actions")),
                errorAction(call.body().get("errorAction")));
        return null;
    }

    private JsonNode replace(RestCall call) {
        registry.replaceTopicRule(call.path("ruleName"), call.requiredText("sql"), call.text("awsIotSqlVersion"),
                call.text("description"), call.flag("ruleDisabled"), actions(call.body().get("actions")),
                errorAction(call.body().get("errorAction")));
        return null;
    }

    private JsonNode get(RestCall call) {
        String name = call.path("ruleName");
        TopicRule rule = registry.findTopicRule(name)
                .orElseThrow(() -> IotException.unauthorized("Topic rule " + name + " does not exist"));
        ObjectNode body = Json.object().put("ruleName", rule.name()).put("sql", rule.sql());
        Json.put(body, "description", rule.description());
        body.set("createdAt", Json.time(rule.createdAt()));
        ArrayNode actions = body.putArray("actions");
        rule.actions().forEach(action -> actions.add(toJson(action)));
        body.put("ruleDisabled", rule.disabled()).put("awsIotSqlVersion", rule.sqlVersion());
        if (rule.errorAction() != null) {
            body.set("errorAction", toJson(rule.errorAction()));
        }
        ObjectNode reply = Json.object().put("ruleArn", rule.arn());
        reply.set("rule", body);
        return reply;
    }

    private JsonNode delete(RestCall call) {
        registry.deleteTopicRule(call.path("ruleName"));
        return null;
    }

    private JsonNode setEnabled(RestCall call, boolean enabled) {
        registry.setTopicRuleEnabled(call.path("ruleName"), enabled);
        return null;
    }

    private JsonNode list(RestCall call) {
        String topic = call.query("topic");
        String disabled = call.query("ruleDisabled");
        List<TopicRule> rules = registry.topicRules().stream()
                .filter(r -> topic == null || topic.equals(topicPattern(r.sql())))
                .filter(r -> disabled == null || r.disabled() == call.queryFlag("ruleDisabled"))
                .toList();
        Pages.Page<TopicRule> page = Pages.of(rules, call.queryInt("maxResults", 1, 10000), call.query("nextToken"),
                1000);
        ArrayNode items = Json.array();
        for (TopicRule rule : page.items()) {
            ObjectNode item = items.addObject().put("ruleArn", rule.arn()).put("ruleName", rule.name());
            Json.put(item, "topicPattern", topicPattern(rule.sql()));
            item.set("createdAt", Json.time(rule.createdAt()));
            item.put("ruleDisabled", rule.disabled());
        }
        ObjectNode reply = Json.object();
        reply.set("rules", items);
        return Json.put(reply, "nextToken", page.next());
    }

    private static String topicPattern(String sql) {
        Matcher from = FROM.matcher(sql);
        return from.find() ? from.group(1) : null;
    }

    private static List<RuleAction> actions(JsonNode node) {
        List<RuleAction> actions = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return actions;
        }
        for (JsonNode action : node) {
            action.properties().forEach(entry -> actions.add(toAction(entry)));
        }
        return actions;
    }

    private static RuleAction errorAction(JsonNode node) {
        List<RuleAction> one = node == null || !node.isObject() ? List.of() : actions(Json.array().add(node));
        if (one.size() > 1) {
            throw IotException.invalidRequest("errorAction must hold exactly one action");
        }
        return one.isEmpty() ? null : one.get(0);
    }

    private static RuleAction toAction(Map.Entry<String, JsonNode> entry) {
        JsonNode settings = entry.getValue();
        if (entry.getKey().equals("sqs")) {
            String queueUrl = settings.path("queueUrl").asText(null);
            String roleArn = settings.path("roleArn").asText(null);
            if (queueUrl == null || roleArn == null) {
                throw IotException.invalidRequest("An sqs action needs queueUrl and roleArn");
            }
            return new SqsAction(queueUrl, roleArn, settings.path("useBase64").asBoolean(false));
        }
        return new RecordedAction(entry.getKey(), settings);
    }

    private static ObjectNode toJson(RuleAction action) {
        ObjectNode node = Json.object();
        if (action instanceof SqsAction sqs) {
            node.putObject("sqs").put("roleArn", sqs.roleArn()).put("queueUrl", sqs.queueUrl())
                    .put("useBase64", sqs.useBase64());
        } else if (action instanceof RecordedAction recorded) {
            node.set(recorded.type(), recorded.settings());
        }
        return node;
    }
}
