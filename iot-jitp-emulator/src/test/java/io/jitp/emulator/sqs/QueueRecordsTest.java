package io.jitp.emulator.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue record file: what is kept of a queue, and files written by earlier versions. */
class QueueRecordsTest {

    @TempDir
    Path state;

    @Test
    void onlySettableAttributesAndTagsAreKeptAndReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RecordedQueue queue = RecordedQueue.fromElasticMq(json.readTree("{\"Attributes\":{\"VisibilityTimeout\":\"45\","
                + "\"QueueArn\":\"arn:aws:sqs:eu-west-1:1:q\",\"ApproximateNumberOfMessages\":\"3\","
                + "\"CreatedTimestamp\":\"1\",\"LastModifiedTimestamp\":\"2\",\"FifoQueue\":\"true\"}}"),
                json.readTree("{\"Tags\":{\"team\":\"ops\"}}"));
        assertEquals(Map.of("VisibilityTimeout", "45", "FifoQueue", "true"), queue.attributes());

        Path file = state.resolve(QueueService.STATE_FILE);
        QueueRecords written = new QueueRecords(file);
        written.put("q.fifo", queue);
        written.put("plain", new RecordedQueue(Map.of(), Map.of()));
        written.put("plain", null);
        QueueRecords read = new QueueRecords(file);
        read.load();
        assertEquals(Map.of("q.fifo", queue), read.queues());
    }

    @Test
    void aFileFromAnEarlierVersionWithoutTagsLoads() throws Exception {
        Path file = state.resolve(QueueService.STATE_FILE);
        Files.writeString(file, "{\"queues\":{\"kept\":{\"VisibilityTimeout\":\"45\"}},\"elasticMqPort\":9324}");
        QueueRecords records = new QueueRecords(file);
        records.load();
        assertEquals(Map.of("kept", new RecordedQueue(Map.of("VisibilityTimeout", "45"), Map.of())),
                records.queues());

        Files.writeString(file, "{}");
        records.load();
        assertTrue(records.isEmpty());
    }
}
