package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceListFileTest {
    @TempDir
    Path dir;

    @Test
    void readsIdsWithHeaderNamedAttributesQuotesCommentsAndDefaults() throws Exception {
        Path list = write("""
                # factory line 3
                id,C,O,serialNumber,dnQualifier
                sensor-1,ES,12345,SN-1,
                sensor-2,,"Acme, Inc.",SN-2,b7

                """);
        SubjectProfile defaults = new SubjectProfile(null, "LU", null, null, "Default", "fleet", null, null);

        List<DeviceRequest> requests = DeviceListFile.read(list, defaults);

        assertEquals(new SubjectProfile("sensor-1", "ES", null, null, "12345", "fleet", "SN-1", null),
                requests.get(0).subject());
        assertEquals(new SubjectProfile("sensor-2", "LU", null, null, "Acme, Inc.", "fleet", "SN-2", "b7"),
                requests.get(1).subject());
        assertEquals(2, requests.size());
    }

    @Test
    void idOnlyListNeedsNoHeader() throws Exception {
        List<DeviceRequest> requests = DeviceListFile.read(write("a\nb\n"), SubjectProfile.empty());
        assertEquals(List.of("a", "b"), requests.stream().map(DeviceRequest::id).toList());
    }

    @Test
    void errorsNameTheFileAndLine() throws Exception {
        assertMessage(write("id,C\nok,LU\nbad id,LU\n"), "line 3", "not a valid thing name");
        assertMessage(write("id,colour\nx,red\n"), "line 1", "Unknown subject attribute 'colour'");
        assertMessage(write("a,LU\n"), "line 1", "add a header line");
        assertMessage(write("id\na\na\n"), "lists device 'a' twice", "");
        assertMessage(write("id,C\nx,Luxembourg\n"), "line 2", "must be two letters");
        assertMessage(dir.resolve("absent.csv"), "iot.deviceList", "does not exist");
    }

    private void assertMessage(Path list, String part1, String part2) {
        var e = assertThrows(InvalidInputException.class, () -> DeviceListFile.read(list, SubjectProfile.empty()));
        assertTrue(e.getMessage().contains(list.toString()) && e.getMessage().contains(part1)
                && e.getMessage().contains(part2), e.getMessage());
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "devices", ".csv");
        Files.writeString(file, content);
        return file;
    }
}
