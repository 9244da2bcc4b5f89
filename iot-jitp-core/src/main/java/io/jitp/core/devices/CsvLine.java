package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** Splits and joins one CSV line (RFC 4180 quoting: {@code "a ""b"", c"}). */
final class CsvLine {
    private CsvLine() {
    }

    static List<String> parse(String line, String where) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(where + " has an unclosed double quote");
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    static String join(List<String> cells) {
        List<String> escaped = new ArrayList<>(cells.size());
        for (String cell : cells) {
            String value = cell == null ? "" : cell;
            boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
            escaped.add(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        return String.join(",", escaped);
    }
}
