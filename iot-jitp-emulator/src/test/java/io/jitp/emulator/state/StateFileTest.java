package io.jitp.emulator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.EmulatorEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    record Sample(String name, Instant at, List<Integer> numbers) {
    }

    @TempDir
    Path dir;

    @Test
    void roundTripsOwnerOnlyAndLeavesNoTemporaryFiles() throws Exception {
        StateFile<Sample> file = new StateFile<>(dir.resolve("sample.json"), Sample.class);
        assertEquals(Optional.empty(), file.load());
        Sample sample = new Sample("a", Instant.parse("2026-11-28T16:00:00.123Z"), List.of(1, 2));
        file.save(sample);
        file.save(sample);
        assertEquals(sample, file.load().orElseThrow());
        assertTrue(Files.readString(file.path()).contains("2026-11-28T16:00:00.123Z"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file.path()), files.toList());
        }
    }

    @Test
    void wellFormedJsonOfTheWrongShapeIsCorruptToo() throws Exception {
        for (String content : List.of("[]", "null", "{\"at\": \"yesterday\"}", "")) {
            Path path = dir.resolve("sample.json");
            Files.writeString(path, content);
            StateFileException e = assertThrows(StateFileException.class,
                    () -> new StateFile<>(path, Sample.class).load(), content);
            assertEquals(path, e.file());
        }
    }

    @Test
    void anEndpointsFileWithoutItsFieldsIsAClearError() throws Exception {
        Files.writeString(dir.resolve(EmulatorEndpoints.FILE_NAME), "{\"mqttPort\": 1}");
        StateFileException e = assertThrows(StateFileException.class, () -> EmulatorEndpoints.read(dir));
        assertEquals(dir.resolve(EmulatorEndpoints.FILE_NAME), e.file());
    }
}
