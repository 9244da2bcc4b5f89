package io.jitp.emulator.rules;

import io.jitp.emulator.iot.TopicRule;

/**
 * A topic rule with its SQL parsed once.
 *
 * @param rule the rule as registered
 * @param sql  its parsed SQL
 */
record CompiledRule(TopicRule rule, TopicRuleSql sql) {
}
