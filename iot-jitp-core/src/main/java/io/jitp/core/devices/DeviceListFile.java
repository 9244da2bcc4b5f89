package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.UserPaths;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a device list: CSV, one device a line. The first column is the device id; an optional header line starting
 * with {@code id} names further columns as subject attributes ({@code C, ST, L, O, OU, serialNumber, dnQualifier}).
 * Blank lines and lines starting with {@code #} are skipped; values may be double-quoted.
 * <pre>
 * id,C,O,serialNumber
 * sensor-1,ES,12345,SN-0001
 * </pre>
 */
public final class DeviceListFile {
    private DeviceListFile() {
    }

    /**
     * @param file     the CSV file
     * @param defaults attributes for cells that are absent or empty
     * @return the requests in file order
     * @throws InvalidInputException naming the file and line of any problem
     * @throws IOException           if the file cannot be read
     */
    public static List<DeviceRequest> read(Path file, SubjectProfile defaults) throws IOException {
        List<String> lines = UserPaths.readText(file, StandardCharsets.UTF_8, "device list (iot.deviceList)")
                .lines().toList();
        List<String> columns = List.of("id");
        List<DeviceRequest> requests = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (n + 1);
            List<String> cells = CsvLine.parse(line, where);
            if (requests.isEmpty() && columns.size() == 1 && "id".equalsIgnoreCase(cells.get(0))) {
                columns = header(cells, where);
                continue;
            }
            requests.add(row(cells, columns, defaults, where));
        }
        if (requests.isEmpty()) {
            throw new InvalidInputException("Device list " + file + " lists no device; put one device id per line");
        }
        DeviceSources.requireUniqueIds(requests, "Device list " + file);
        return requests;
    }

    private static List<String> header(List<String> cells, String where) {
        List<String> columns = new ArrayList<>(List.of("id"));
        for (String cell : cells.subList(1, cells.size())) {
            try {
                columns.add(SubjectProfile.canonicalName(cell));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where + ": " + e.getMessage(), e);
            }
        }
        return columns;
    }

    private static DeviceRequest row(List<String> cells, List<String> columns, SubjectProfile defaults,
                                     String where) {
        if (cells.size() > columns.size()) {
            throw new InvalidInputException(where + " has " + cells.size() + " values but the header names "
                    + columns.size() + " columns; add a header line such as id,C,O,OU,serialNumber");
        }
        try {
            SubjectProfile subject = SubjectProfile.empty();
            for (int i = 1; i < cells.size(); i++) {
                subject = subject.withAttribute(columns.get(i), cells.get(i));
            }
            DeviceRequest.requireValidId(cells.get(0), "device id");
            return DeviceRequest.generated(cells.get(0), subject.orElse(defaults));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }
}
