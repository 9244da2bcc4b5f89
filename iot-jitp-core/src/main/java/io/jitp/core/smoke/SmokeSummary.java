package io.jitp.core.smoke;

import io.jitp.core.Reporter;
import io.jitp.core.TextTable;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The summary printed after a run: counts and rate, timing percentiles, then each failed device and why. */
public final class SmokeSummary {
    /** Failed devices listed by name at most; the JUnit XML has them all. */
    static final int MAX_LISTED_FAILURES = 20;

    private SmokeSummary() {
    }

    /**
     * @param report   the run
     * @param reporter where the lines go
     */
    public static void print(SmokeReport report, Reporter reporter) {
        List<DeviceOutcome> failures = report.failures();
        reporter.info(String.format(Locale.ROOT, "smoke-connect: %d device(s), %d passed, %d failed in %.1f s"
                        + " (%.1f devices/s)", report.outcomes().size(), report.passedCount(), failures.size(),
                report.elapsedNanos() / 1e9, report.devicesPerSecond()));
        if (report.connectionsLost() > 0) {
            reporter.warn(String.format(Locale.ROOT, "smoke-connect: the server was lost %d time(s) during the run:"
                    + " %d device(s) reconnected and passed, %d lost it and failed", report.connectionsLost(),
                    report.reconnectedCount(), report.lostAndFailedCount()));
        }
        List<DeviceOutcome> passed = report.outcomes().stream().filter(DeviceOutcome::passed).toList();
        if (!passed.isEmpty()) {
            TextTable timings = new TextTable("timing (passed devices)", "p50", "p95", "max");
            timings.row(percentiles("TLS handshake", passed, DeviceOutcome::handshakeNanos));
            timings.row(percentiles("JITP delay", passed, DeviceOutcome::jitpDelayNanos));
            timings.row(percentiles("round trip", passed, DeviceOutcome::roundTripNanos));
            timings.print(reporter);
        }
        if (!failures.isEmpty()) {
            TextTable failed = new TextTable("failed device", "reason");
            failures.stream().limit(MAX_LISTED_FAILURES).forEach(f -> failed.row(f.id(), f.failure()));
            failed.print(reporter);
            if (failures.size() > MAX_LISTED_FAILURES) {
                reporter.warn("... and " + (failures.size() - MAX_LISTED_FAILURES) + " more (see the JUnit XML report)");
            }
        }
    }

    private static Object[] percentiles(String label, List<DeviceOutcome> outcomes, ToLongFunction<DeviceOutcome> f) {
        long[] values = outcomes.stream().mapToLong(f).sorted().toArray();
        return new Object[] {label, millis(at(values, 0.50)), millis(at(values, 0.95)),
            millis(values[values.length - 1])};
    }

    private static long at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
