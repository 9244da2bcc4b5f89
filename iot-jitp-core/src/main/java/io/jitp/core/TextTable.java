package io.jitp.core;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for summaries printed to the build log. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** @param headers the column headers */
    public TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /**
     * @param cells one cell per column; null shows as empty
     * @return this table
     */
    public TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    /** @return the number of rows below the header */
    public int size() {
        return rows.size() - 1;
    }

    /** @return the lines of the table: header, rule, rows */
    public List<String> lines() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(format(rows.get(0), widths));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        lines.add(rule.toString());
        for (String[] row : rows.subList(1, rows.size())) {
            lines.add(format(row, widths));
        }
        return lines;
    }

    private static String format(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? "" : "  ").append(row[i]);
            if (i < row.length - 1) {
                line.append(" ".repeat(widths[i] - row[i].length()));
            }
        }
        return line.toString();
    }

    /** @param reporter where to print each line */
    public void print(Reporter reporter) {
        lines().forEach(reporter::info);
    }
}
