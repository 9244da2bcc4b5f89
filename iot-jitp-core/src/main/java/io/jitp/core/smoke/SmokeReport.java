package io.jitp.core.smoke;

import java.util.List;

/**
 * The outcome of a smoke-connect run.
 *
 * @param outcomes     one per device, in input order
 * @param elapsedNanos wall-clock duration
 * @param endpoint     what was tested against, for the report
 */
public record SmokeReport(List<DeviceOutcome> outcomes, long elapsedNanos, String endpoint) {
    /** Copies the list. */
    public SmokeReport {
        outcomes = List.copyOf(outcomes);
    }

    /** @return the devices that failed */
    public List<DeviceOutcome> failures() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }

    /** @return how many passed */
    public int passedCount() {
        return outcomes.size() - failures().size();
    }

    /** @return times in all that devices lost the server (unreachable or dropped) */
    public int connectionsLost() {
        return outcomes.stream().mapToInt(DeviceOutcome::connectionsLost).sum();
    }

    /** @return devices that lost the server at least once and still passed: they reconnected */
    public long reconnectedCount() {
        return outcomes.stream().filter(o -> o.connectionsLost() > 0 && o.passed()).count();
    }

    /** @return devices that lost the server at least once and failed */
    public long lostAndFailedCount() {
        return outcomes.stream().filter(o -> o.connectionsLost() > 0 && !o.passed()).count();
    }

    /** @return devices tested per second of wall-clock time */
    public double devicesPerSecond() {
        return outcomes.size() / Math.max(elapsedNanos / 1e9, 1e-9);
    }
}
