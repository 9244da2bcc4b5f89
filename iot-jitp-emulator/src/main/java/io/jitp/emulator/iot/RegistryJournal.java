package io.jitp.emulator.iot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.core.pki.SecureFiles;
import io.jitp.emulator.state.StateFileException;
import io.jitp.emulator.state.StateJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the registry as a snapshot plus a journal of changes, so that a change costs one appended line rather
 * than rewriting every certificate (which made provisioning a thousand devices quadratic). Each journal line holds
 * the whole new value of one entry ({@code {"c":"things","k":"sensor-1","v":{…}}}; no {@code v} means removed), or
 * for set-valued entries one member added or removed ({@code {"c":"policyTargets","k":"IoTAccess","a":"arn:…"}},
 * {@code "r"} for removed), so replaying a line twice is harmless. When the journal grows past the snapshot's size, the state is written as a
 * new snapshot (atomically) and the journal emptied.
 */
final class RegistryJournal {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryJournal.class);
    private static final ObjectMapper JSON = StateJson.mapper();
    private static final ObjectWriter LINE_WRITER = JSON.writer().without(SerializationFeature.INDENT_OUTPUT);
    /** Compaction happens when the journal has this many lines more than the snapshot has entries. */
    private static final int SLACK = 1000;
    /** Field of a member line that adds its value to a set-valued entry. */
    private static final String ADDED = "a";
    /** Field of a member line that removes its value from a set-valued entry. */
    private static final String REMOVED = "r";

    private final Path snapshot;
    private final Path journal;
    private int lines;
    /** The journal, open for appending since its first line after the last compaction; null when not open. */
    private FileChannel out;

    RegistryJournal(Path snapshot, Path journal) {
        this.snapshot = snapshot;
        this.journal = journal;
    }

    /**
     * Reads the snapshot and replays the journal on it. A last line cut short (the process died while writing it)
     * is dropped; any other unreadable line is a corrupt journal.
     *
     * @return the stored state, or empty when nothing was stored yet
     * @throws StateFileException naming the unreadable file
     * @throws IOException if a file cannot be read
     */
    Optional<RegistryState> load() throws IOException {
        ObjectNode state = readSnapshot();
        boolean journaled = Files.exists(journal);
        if (journaled) {
            state = replay(state);
        }
        if (state == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(state, RegistryState.class));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new StateFileException(journaled ? journal : snapshot, e);
        }
    }

    /** @return whether the journal holds changes the snapshot does not (fold them in before appending more) */
    boolean hasChanges() throws IOException {
        return Files.exists(journal) && Files.size(journal) > 0;
    }

    private ObjectNode readSnapshot() throws IOException {
        if (!Files.exists(snapshot)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(snapshot));
            if (node == null || !node.isObject()) {
                throw new StateFileException(snapshot, new IOException("the file does not hold a JSON object"));
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw new StateFileException(snapshot, e);
        }
    }

    private ObjectNode replay(ObjectNode fromSnapshot) throws IOException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        List<String> entries = text.lines().toList();
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        ObjectNode state = fromSnapshot;
        for (int i = 0; i < entries.size(); i++) {
            if (torn && i == entries.size() - 1) {
                LOG.warn("Ignoring the last, incomplete line of {} (the stand-in stopped while writing it)", journal);
                break;
            }
            JsonNode entry;
            try {
                entry = JSON.readTree(entries.get(i));
            } catch (JacksonException e) {
                throw new StateFileException(journal, new IOException("line " + (i + 1) + ": " + e.getMessage(), e));
            }
            if (entry == null || !entry.path("c").isTextual() || !entry.path("k").isTextual()) {
                throw new StateFileException(journal, new IOException("line " + (i + 1) + " is not a change"));
            }
            if (state == null) {
                state = JSON.createObjectNode();
            }
            apply(state, entry);
        }
        return state;
    }

    private static void apply(ObjectNode state, JsonNode entry) {
        ObjectNode collection = state.withObjectProperty(entry.get("c").asText());
        String key = entry.get("k").asText();
        if (entry.has(ADDED) || entry.has(REMOVED)) {
            applyMember(collection, key, entry);
        } else if (entry.has("v")) {
            collection.set(key, entry.get("v"));
        } else {
            collection.remove(key);
        }
    }

    /** A member line adds to or removes from a set-valued entry, kept as a JSON array of distinct strings. */
    private static void applyMember(ObjectNode collection, String key, JsonNode entry) {
        ArrayNode members = collection.withArrayProperty(key);
        String member = entry.has(ADDED) ? entry.get(ADDED).asText() : entry.get(REMOVED).asText();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).asText().equals(member)) {
                members.remove(i);
                break;
            }
        }
        if (entry.has(ADDED)) {
            members.add(member);
        }
    }

    /**
     * Appends one change.
     *
     * @param collection the {@link RegistryState} component, e.g. {@code things}
     * @param key the entry's key
     * @param value its new value, or null when it was removed
     * @throws IOException if the journal cannot be written
     */
    void append(String collection, String key, Object value) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("c", collection);
        entry.put("k", key);
        if (value != null) {
            entry.put("v", value);
        }
        write(entry);
    }

    /**
     * Appends one member change of a set-valued entry (a policy's targets, a thing's principals), so that the line
     * does not grow with the set.
     *
     * @param collection the {@link RegistryState} component, e.g. {@code policyTargets}
     * @param key the entry's key
     * @param member the member added or removed
     * @param added true when added, false when removed
     * @throws IOException if the journal cannot be written
     */
    void appendMember(String collection, String key, String member, boolean added) throws IOException {
        write(Map.of("c", collection, "k", key, added ? ADDED : REMOVED, member));
    }

    private void write(Map<String, Object> entry) throws IOException {
        // Serialized straight to bytes: going through a JSON tree first cost as much again.
        byte[] json = LINE_WRITER.writeValueAsBytes(entry);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        if (out == null) {
            out = openForAppending();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            // A failed write (e.g. a full disk) leaves no handle behind: the next change opens the file afresh.
            close();
            throw e;
        }
        lines++;
    }

    /**
     * Kept open between compactions: opening the file for every line cost a tenth of what a JITP registration costs
     * the stand-in outside its TLS handshakes. Each line still reaches the operating system before the change is
     * answered, in append mode, so a line is never lost when the process dies and is never written over.
     */
    private FileChannel openForAppending() throws IOException {
        if (!Files.exists(journal)) {
            // Created owner-only before the first line, like every state file.
            SecureFiles.commit(SecureFiles.prepare(journal, new byte[0], true), journal);
        }
        return FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Lets go of the journal file; the next change opens it again.
     *
     * @throws IOException if closing fails
     */
    void close() throws IOException {
        FileChannel open = out;
        out = null;
        if (open != null) {
            open.close();
        }
    }

    /** @param entries how many entries the state holds @return whether the journal should be folded into a snapshot */
    boolean wantsCompaction(int entries) {
        return lines > entries + SLACK;
    }

    /**
     * Writes the state as the new snapshot, then empties the journal.
     *
     * @param state the whole current state
     * @throws IOException if either file cannot be written
     */
    void compact(RegistryState state) throws IOException {
        // The journal is replaced below, not emptied in place: the handle on the old file must go first.
        close();
        SecureFiles.commit(SecureFiles.prepare(snapshot, JSON.writeValueAsBytes(state), true), snapshot);
        // A crash between the two steps only replays changes the snapshot already holds: harmless.
        SecureFiles.commit(SecureFiles.prepare(journal, new byte[0], true), journal);
        lines = 0;
    }
}
