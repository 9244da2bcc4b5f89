package io.jitp.core.loadtest;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency, in milliseconds.
 *
 * @param count      values recorded
 * @param p50Millis  median
 * @param p90Millis  90th percentile
 * @param p99Millis  99th percentile
 * @param p999Millis 99.9th percentile
 * @param maxMillis  largest value
 * @param meanMillis mean
 */
public record LatencySummary(long count, double p50Millis, double p90Millis, double p99Millis, double p999Millis,
                             double maxMillis, double meanMillis) {
    /** @param micros a histogram in microseconds @return its summary */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)), millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)), millis(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
