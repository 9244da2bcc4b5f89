package io.jitp.emulator.iot;

/**
 * A topic rule action that sends the message to an SQS queue.
 *
 * @param queueUrl the queue URL
 * @param roleArn the role AWS would assume
 * @param useBase64 whether the payload is base64-encoded before sending
 */
public record SqsAction(String queueUrl, String roleArn, boolean useBase64) implements RuleAction {
    @Override
    public String type() {
        return "sqs";
    }
}
