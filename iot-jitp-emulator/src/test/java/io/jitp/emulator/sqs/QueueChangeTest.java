package io.jitp.emulator.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jitp.emulator.http.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which forwarded SQS requests change a queue, read from either wire protocol. */
class QueueChangeTest {

    private static ReceivedRequest json(String operation, String body) {
        return new ReceivedRequest("POST", "/", null, Map.of("x-amz-target", List.of("AmazonSQS." + operation),
                "content-type", List.of("application/x-amz-json-1.0")), body.getBytes(StandardCharsets.UTF_8));
    }

    private static ReceivedRequest query(String path, String query, String form) {
        return new ReceivedRequest("POST", path, query, Map.of("content-type",
                List.of("application/x-www-form-urlencoded; charset=utf-8")), form.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theJsonProtocolNamesTheOperationInItsTargetAndTheQueueInItsBody() {
        assertEquals(Optional.of(new QueueChange("CreateQueue", "orders")),
                QueueChange.of(json("CreateQueue", "{\"QueueName\":\"orders\",\"Attributes\":{}}")));
        assertEquals(Optional.of(new QueueChange("TagQueue", "orders.fifo")), QueueChange.of(json("TagQueue",
                "{\"QueueUrl\":\"http://127.0.0.1:1/123456789012/orders.fifo\",\"Tags\":{\"a\":\"b\"}}")));
        assertEquals(Optional.empty(), QueueChange.of(json("SendMessage",
                "{\"QueueUrl\":\"http://127.0.0.1:1/123456789012/orders\",\"MessageBody\":\"x\"}")));
        assertEquals(Optional.empty(), QueueChange.of(json("CreateQueue", "not json")));
    }

    @Test
    void theQueryProtocolNamesThemInItsFormItsQueryStringOrItsPath() {
        assertEquals(Optional.of(new QueueChange("SetQueueAttributes", "orders")), QueueChange.of(query("/", null,
                "Action=SetQueueAttributes&QueueUrl=http%3A%2F%2F127.0.0.1%3A1%2F123456789012%2Forders"
                        + "&Attribute.1.Name=DelaySeconds&Attribute.1.Value=3")));
        assertEquals(Optional.of(new QueueChange("DeleteQueue", "gone")),
                QueueChange.of(query("/", "Action=DeleteQueue&QueueUrl=http://h/1/gone", "")));
        assertEquals(Optional.of(new QueueChange("UntagQueue", "orders")),
                QueueChange.of(query("/123456789012/orders", null, "Action=UntagQueue&TagKey.1=env")));
        assertEquals(Optional.empty(), QueueChange.of(query("/", null, "Action=ReceiveMessage&QueueUrl=x/orders")));
        assertEquals(Optional.empty(), QueueChange.of(query("/", null, "Action=CreateQueue")));
    }
}
