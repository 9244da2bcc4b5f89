package io.jitp.core.bundle;

import io.jitp.core.Reporter;
import io.jitp.core.TextTable;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The per-device table printed after bundling: which devices ship, and why the others do not. */
public final class BundleSummary {
    private BundleSummary() {
    }

    /**
     * @param report        what the bundler did
     * @param bundlesFolder where the bundles are
     * @param reporter      where the lines go
     */
    public static void print(BundleReport report, Path bundlesFolder, Reporter reporter) {
        Map<String, String[]> rows = new TreeMap<>();
        report.written().forEach(id -> rows.put(id, new String[] {"passed", id + DeviceBundler.SUFFIX + " (written)"}));
        report.unchanged().forEach(id -> rows.put(id, new String[] {"passed", id + DeviceBundler.SUFFIX
                + " (unchanged)"}));
        report.failed().forEach((id, why) -> rows.put(id, new String[] {"FAILED: " + why, "none"}));
        report.untested().forEach(id -> rows.put(id, new String[] {"not tested", "none"}));
        TextTable table = new TextTable("device", "smoke-connect", "bundle");
        rows.forEach((id, cells) -> table.row(id, cells[0], cells[1]));
        table.print(reporter);
        if (!report.failed().isEmpty()) {
            reporter.warn("No bundle for " + report.failed().size() + " device(s) that failed smoke-connect: "
                    + String.join(", ", report.failed().keySet()));
        }
        if (!report.untested().isEmpty()) {
            reporter.warn("No bundle for " + report.untested().size() + " device(s) smoke-connect did not test: "
                    + String.join(", ", report.untested()));
        }
        if (!report.removed().isEmpty()) {
            reporter.warn("Deleted the earlier bundle of " + String.join(", ", report.removed())
                    + ": no longer passing");
        }
        String change = report.written().isEmpty() && report.removed().isEmpty() ? "nothing changed"
                : report.written().size() + " written, " + report.unchanged().size() + " unchanged, "
                + report.removed().size() + " deleted";
        reporter.info("bundle-devices: " + report.bundled() + " device bundle(s) in " + bundlesFolder + " (" + change
                + ")");
    }
}
