package io.jitp.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.http.ReceivedRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An SQS request that changes what a queue is (not its messages), so that the queue must be recorded again once
 * ElasticMQ has accepted it.
 *
 * @param operation the SQS operation, such as {@code SetQueueAttributes}
 * @param queueName the queue it changes
 */
record QueueChange(String operation, String queueName) {
    /** The operations that create, delete or change a queue's attributes or tags. */
    static final Set<String> OPERATIONS = Set.of("CreateQueue", "DeleteQueue", "SetQueueAttributes", "TagQueue",
            "UntagQueue");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AmazonSQS.";

    /**
     * Reads the operation and queue from either wire protocol: JSON 1.0 (AWS SDK v2: {@code X-Amz-Target} and a
     * JSON body) or query (AWS CLI 2.9: {@code Action} in a form body or the query string, the queue in
     * {@code QueueName}, {@code QueueUrl} or the request's path).
     *
     * @param request an SQS request as the front door received it
     * @return the change it asks for, or empty for any other operation or a request too malformed to name a queue
     *         (ElasticMQ refuses those, so there is nothing to record)
     */
    static Optional<QueueChange> of(ReceivedRequest request) {
        String target = request.header("x-amz-target");
        if (target != null) {
            String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
            // Checked before the body is parsed: most requests send or receive messages and change no queue.
            return OPERATIONS.contains(operation) ? named(operation, jsonFields(request), "/") : Optional.empty();
        }
        Map<String, String> fields = queryFields(request);
        String operation = fields.getOrDefault("Action", "");
        return OPERATIONS.contains(operation) ? named(operation, fields, request.rawPath()) : Optional.empty();
    }

    /** @param path the request's path, which names the queue in query requests sent to the queue's URL */
    private static Optional<QueueChange> named(String operation, Map<String, String> fields, String path) {
        String url = fields.get("QueueUrl");
        String name = fields.containsKey("QueueName") ? fields.get("QueueName")
                : url != null ? QueueService.queueName(url)
                : !path.equals("/") ? QueueService.queueName(path) : "";
        return name.isEmpty() ? Optional.empty() : Optional.of(new QueueChange(operation, name));
    }

    private static Map<String, String> jsonFields(ReceivedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode body = JSON.readTree(request.body());
            for (String field : new String[] {"QueueName", "QueueUrl"}) {
                if (body != null && body.path(field).isTextual()) {
                    fields.put(field, body.get(field).asText());
                }
            }
        } catch (IOException e) {
            // Not JSON: ElasticMQ refuses it, so there is nothing to record.
        }
        return fields;
    }

    private static Map<String, String> queryFields(ReceivedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>(ReceivedRequest.decodeForm(request.rawQuery(), true));
        String contentType = request.header("content-type");
        if (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            ReceivedRequest.decodeForm(request.bodyText(), true).forEach(fields::putIfAbsent);
        }
        return fields;
    }
}
