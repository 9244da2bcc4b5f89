package io.jitp.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One queue as it is recorded in {@code sqs-queues.json}, so that it can be re-created as it was after a restart.
 *
 * @param attributes its settable attributes, such as {@code VisibilityTimeout}, {@code RedrivePolicy},
 *                   {@code FifoQueue}
 * @param tags       its tags
 */
record RecordedQueue(Map<String, String> attributes, Map<String, String> tags) {
    /** The attribute that names another queue, which must exist before it can be set. */
    static final String REDRIVE_POLICY = "RedrivePolicy";
    /**
     * What GetQueueAttributes reports but no client sets (SQS's documented read-only attributes): counts,
     * timestamps and the ARN describe the queue's present, not what it is, so they are not re-created.
     */
    private static final Set<String> READ_ONLY = Set.of("QueueArn", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp");

    RecordedQueue {
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
    }

    /**
     * @param attributes a GetQueueAttributes answer ({@code {"Attributes": {…}}}) for {@code All}
     * @param tags       a ListQueueTags answer ({@code {"Tags": {…}}})
     * @return the queue those answers describe, without its read-only attributes
     */
    static RecordedQueue fromElasticMq(JsonNode attributes, JsonNode tags) {
        Map<String, String> settable = new LinkedHashMap<>();
        attributes.path("Attributes").fields().forEachRemaining(field -> {
            if (!READ_ONLY.contains(field.getKey())) {
                settable.put(field.getKey(), field.getValue().asText());
            }
        });
        Map<String, String> tagged = new LinkedHashMap<>();
        tags.path("Tags").fields().forEachRemaining(field -> tagged.put(field.getKey(), field.getValue().asText()));
        return new RecordedQueue(settable, tagged);
    }

    /**
     * @param name the queue's name
     * @return a CreateQueue request (JSON 1.0) for this queue without its redrive policy, whose dead-letter queue
     *         may not have been re-created yet
     */
    Map<String, Object> createRequestWithoutRedrive(String name) {
        Map<String, String> withoutRedrive = new LinkedHashMap<>(attributes);
        withoutRedrive.remove(REDRIVE_POLICY);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("QueueName", name);
        if (!withoutRedrive.isEmpty()) {
            request.put("Attributes", withoutRedrive);
        }
        if (!tags.isEmpty()) {
            request.put("tags", tags);
        }
        return request;
    }

    /** @return the redrive policy to set once every recorded queue exists again */
    Optional<String> redrivePolicy() {
        return Optional.ofNullable(attributes.get(REDRIVE_POLICY));
    }
}
