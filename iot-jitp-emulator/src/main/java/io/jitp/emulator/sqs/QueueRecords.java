package io.jitp.emulator.sqs;

import io.jitp.emulator.state.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queues kept across restarts, and their state file {@code sqs-queues.json}: ElasticMQ keeps queues in memory
 * only, so every queue that exists is recorded here (replaced atomically on each change) and re-created on start.
 * Not thread-safe: {@link QueueService} serializes its use.
 */
final class QueueRecords {
    private final StateFile<Document> file;
    private final Map<String, RecordedQueue> queues = new LinkedHashMap<>();

    /** @param file where the records live; {@code null} keeps them in memory only */
    QueueRecords(Path file) {
        this.file = file == null ? null : new StateFile<>(file, Document.class);
    }

    /**
     * Reads the recorded queues, replacing what this object held.
     *
     * @throws io.jitp.emulator.state.StateFileException if the file exists but is corrupt, naming it
     * @throws IOException if it cannot be read
     */
    void load() throws IOException {
        queues.clear();
        if (file == null) {
            return;
        }
        file.load().ifPresent(document -> document.queues().forEach((name, attributes) -> queues.put(name,
                new RecordedQueue(attributes, document.tags().getOrDefault(name, Map.of())))));
    }

    /** @return the state file, or {@code null} when the records are kept in memory only */
    Path path() {
        return file == null ? null : file.path();
    }

    /** @return whether no queue is recorded */
    boolean isEmpty() {
        return queues.isEmpty();
    }

    /** @return the recorded queues by name, in the order they were first recorded */
    Map<String, RecordedQueue> queues() {
        return new LinkedHashMap<>(queues);
    }

    /** @return the recorded queues' names */
    List<String> names() {
        return List.copyOf(queues.keySet());
    }

    /**
     * Records a queue as it now is, or forgets it, and writes the file.
     *
     * @param name  the queue's name
     * @param queue what it now is, or {@code null} when it no longer exists
     * @throws UncheckedIOException naming the file, if it cannot be written
     */
    void put(String name, RecordedQueue queue) {
        if (queue == null) {
            queues.remove(name);
        } else {
            queues.put(name, queue);
        }
        if (file == null) {
            return;
        }
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        queues.forEach((queueName, recorded) -> {
            attributes.put(queueName, recorded.attributes());
            if (!recorded.tags().isEmpty()) {
                tags.put(queueName, recorded.tags());
            }
        });
        try {
            file.save(new Document(attributes, tags));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write queue state file " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The persisted document. Files from earlier versions have no {@code tags} (their queues had none recorded) and
     * may hold the port ElasticMQ last used, which is ignored: queues are found by name.
     *
     * @param queues each queue's settable attributes, by name
     * @param tags   each tagged queue's tags, by name
     */
    record Document(Map<String, Map<String, String>> queues, Map<String, Map<String, String>> tags) {
        Document {
            queues = queues == null ? Map.of() : queues;
            tags = tags == null ? Map.of() : tags;
        }
    }
}
