package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes a load test fail: too little of the expected rate, too slow a 99th percentile, too much loss.
 *
 * @param minRateRatio achieved / expected messages per second in the measured window, at least (0 disables)
 * @param maxP99Millis delivery latency p99 at most, in ms (0 or less disables)
 * @param maxLoss      lost / expected messages at most (a ratio: 0.001 is 0.1 %; negative disables)
 */
public record Thresholds(double minRateRatio, double maxP99Millis, double maxLoss) {
    /** No threshold. */
    public static final Thresholds NONE = new Thresholds(0, 0, -1);

    /** Checks the ranges. */
    public Thresholds {
        if (minRateRatio < 0 || minRateRatio > 1.5) {
            throw new InvalidInputException("iot.loadtest.minRateRatio must be 0 to 1.5 (0.95 = 95 % of the expected"
                    + " rate), not " + minRateRatio);
        }
        if (maxLoss > 1) {
            throw new InvalidInputException("iot.loadtest.maxLoss is a ratio from 0 to 1 (0.001 = 0.1 %), not "
                    + maxLoss);
        }
    }

    /**
     * @param summary a run's summary
     * @return one sentence per threshold missed, empty when all are met
     */
    public List<String> failures(LoadTestSummary summary) {
        List<String> failures = new ArrayList<>();
        if (minRateRatio > 0 && summary.achievedRatio() < minRateRatio) {
            failures.add(String.format("achieved %.3f of the expected rate (%.0f of %.0f msg/s), below"
                            + " iot.loadtest.minRateRatio=%s", summary.achievedRatio(), summary.achievedPerSecond(),
                    summary.expectedPerSecond(), minRateRatio));
        }
        double p99 = summary.latencies().get(Latency.DELIVERY.tag()).p99Millis();
        if (maxP99Millis > 0 && p99 > maxP99Millis) {
            failures.add(String.format("delivery latency p99 %.2f ms, above iot.loadtest.maxP99Millis=%s", p99,
                    maxP99Millis));
        }
        if (maxLoss >= 0 && summary.loss().ratio() > maxLoss) {
            failures.add(String.format("lost %d of %d messages (%.5f), above iot.loadtest.maxLoss=%s",
                    summary.loss().lost(), summary.loss().expected(), summary.loss().ratio(), maxLoss));
        }
        return failures;
    }
}
