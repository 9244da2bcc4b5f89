package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class LoadTestMessagesTest {
    @Test
    void aPublishIsSeedJsonPaddedToTheSizeAndReadsBack() throws Exception {
        byte[] publish = LoadTestMessages.publish("pub12", 41, 1_732_000_000_123_456L, 200);
        assertEquals(200, publish.length);
        JsonNode json = new ObjectMapper().readTree(publish);
        assertEquals("pub12", json.get("device").asText());
        assertEquals(1_732_000_000_123_456L, json.get("sent").asLong());
        assertEquals(new LoadTestMessages.Received(12, -1, 41, 1_732_000_000_123_456L), LoadTestMessages.read(publish));
    }

    @Test
    void aForwardNamesPublisherAndSubscriberAndIsNeverTakenForAPublish() throws Exception {
        LoadTestMessages.Received received = LoadTestMessages.read(LoadTestMessages.publish("pub3", 7, 99, 64));
        byte[] forward = LoadTestMessages.forward(received, "sub5", 120, 64);
        JsonNode json = new ObjectMapper().readTree(forward);
        assertEquals("pub3", json.get("publisher").asText());
        assertEquals("sub5", json.get("subscriber").asText());
        assertEquals(120, json.get("ack").asLong());
        LoadTestMessages.Received back = LoadTestMessages.read(forward);
        assertEquals(5, back.subscriber(), "a subscriber can tell a forward (an echo) from a publish");
        assertEquals(3, back.publisher());
        assertEquals(99, back.sentMicros());
    }

    @Test
    void numbersAreWrittenWithTheirExactLength() {
        for (long value : new long[] {0, 9, 10, 99, 100, 1_732_000_000_123_456L, 999_999_999_999_999_999L,
                Long.MAX_VALUE, -1, -10, Long.MIN_VALUE}) {
            assertEquals(Long.toString(value).length(), LoadTestMessages.digits(value), Long.toString(value));
        }
        byte[] publish = LoadTestMessages.publish("pub9", 10, 1_000_000, 64);
        assertEquals(new LoadTestMessages.Received(9, -1, 10, 1_000_000), LoadTestMessages.read(publish));
    }

    @Test
    void foreignPayloadsAreNotOurs() {
        assertNull(LoadTestMessages.read("hello".getBytes(StandardCharsets.US_ASCII)));
        assertNull(LoadTestMessages.read("{\"device\":\"pubx\",\"seq\":1,\"sent\":2}".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(LoadTestTopics.PUBLISHES_FILTER.endsWith("/+"), "one level below the forward topic, never it");
        assertEquals("loadtest/pub1", LoadTestTopics.publishTopic("pub1"));
    }
}
