package io.jitp.emulator.iot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A topic rule action the stand-in keeps (so GetTopicRule returns it) but does not execute.
 *
 * @param type the action's key in the AWS API, e.g. {@code lambda}
 * @param settings the action's settings as given
 */
public record RecordedAction(String type, JsonNode settings) implements RuleAction {
}
