package io.jitp.emulator.rules;

/** Sends a message to an SQS queue by URL; the stand-in binds it to {@code QueueService::sendMessage}. */
@FunctionalInterface
public interface QueueSender {

    /**
     * @param queueUrl the queue URL from the rule's SQS action
     * @param body     the message body
     */
    void sendMessage(String queueUrl, String body);
}
