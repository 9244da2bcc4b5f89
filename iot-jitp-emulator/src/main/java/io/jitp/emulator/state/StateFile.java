package io.jitp.emulator.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.core.pki.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One JSON document of state in the state directory, read once at start and replaced atomically on each change.
 *
 * @param <T> the persisted type (a record is the natural fit)
 */
public final class StateFile<T> {
    private static final ObjectMapper MAPPER = StateJson.mapper();

    private final Path file;
    private final Class<T> type;

    /**
     * @param file where the document lives
     * @param type the persisted type
     */
    public StateFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    /** @return the file's path */
    public Path path() {
        return file;
    }

    /**
     * @return the stored document, or empty when nothing was stored yet
     * @throws StateFileException if the file exists but is not a valid document
     * @throws IOException if the file cannot be read
     */
    public Optional<T> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] content = Files.readAllBytes(file);
        try {
            T value = MAPPER.readValue(content, type);
            if (value == null) {
                throw new StateFileException(file, new IOException("the file holds JSON null"));
            }
            return Optional.of(value);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new StateFileException(file, e);
        }
    }

    /**
     * Replaces the stored document.
     *
     * @param value the new document
     * @throws IOException if it cannot be written
     */
    public void save(T value) throws IOException {
        // Owner-only: state files hold the stand-in's credentials and CA material.
        SecureFiles.commit(SecureFiles.prepare(file, MAPPER.writeValueAsBytes(value), true), file);
    }
}
