package io.jitp.emulator.iot;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One action of a topic rule: SQS is executed by the stand-in, other kinds are recorded. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SqsAction.class, name = "sqs"),
    @JsonSubTypes.Type(value = RecordedAction.class, name = "recorded")
})
public sealed interface RuleAction permits SqsAction, RecordedAction {
    /** @return the action's key in the AWS API, e.g. {@code sqs}, {@code lambda}, {@code republish} */
    String type();
}
