package io.jitp.emulator.iot;

import java.time.Instant;
import java.util.List;

/**
 * A topic rule.
 *
 * @param name the rule name
 * @param arn {@code arn:aws:iot:<region>:<account>:rule/<name>}
 * @param sql the SQL statement, e.g. {@code SELECT * FROM 'loadtest'}
 * @param sqlVersion the SQL version, e.g. {@code 2016-03-23}
 * @param description the description, or null
 * @param disabled whether the rule is disabled
 * @param actions its actions
 * @param createdAt when it was created
 * @param errorAction the action AWS runs when another action fails, or null (kept, not executed)
 */
public record TopicRule(String name, String arn, String sql, String sqlVersion, String description,
        boolean disabled, List<RuleAction> actions, Instant createdAt, RuleAction errorAction) {
}
