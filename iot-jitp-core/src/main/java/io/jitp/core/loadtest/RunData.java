package io.jitp.core.loadtest;

import java.util.List;
import java.util.Map;

/**
 * The raw results of one run or of merged shards, as stored in {@code report.json} under {@code data}: everything
 * needed to merge shard outputs and recompute the summary (latencies are in the histogram log beside it).
 *
 * @param target             where the devices connected
 * @param plan               the plan (of the first shard, for a merge)
 * @param shards             the shards included, {@code K/N}
 * @param expectedPerSecond  messages per second the included shards should count (seed's formula)
 * @param startSecond        epoch second of the first timeline entry
 * @param steadyStartSecond  first epoch second of the measured window (every device connected)
 * @param steadyEndSecond    end (exclusive) of the measured window
 * @param timeline           per counter ({@link Counter#jsonName()}), one value per second from startSecond
 * @param duplicates         QoS 1 redeliveries received again (not counted twice)
 * @param subscribersRun     subscribers that ran in the included shards
 * @param collectorRun       whether the forward collector ran
 * @param failedDevices      devices that never connected
 * @param publishers         per-publisher accounts, by number
 * @param generators         cost per process
 */
public record RunData(String target, LoadTestPlan plan, List<String> shards, double expectedPerSecond,
                      long startSecond, long steadyStartSecond, long steadyEndSecond, Map<String, long[]> timeline,
                      long duplicates, int subscribersRun, boolean collectorRun, List<String> failedDevices,
                      List<PublisherAccount> publishers, List<GeneratorFigures> generators) {
    /** @param counter a counter @return its per-second values (empty if absent) */
    public long[] series(Counter counter) {
        return timeline.getOrDefault(counter.jsonName(), new long[0]);
    }

    /** @param counter a counter @return its total over the whole timeline */
    public long total(Counter counter) {
        long total = 0;
        for (long value : series(counter)) {
            total += value;
        }
        return total;
    }

    /** @param counter a counter @return its total over the measured window */
    public long steadyTotal(Counter counter) {
        long[] values = series(counter);
        long total = 0;
        for (long second = steadyStartSecond; second < steadyEndSecond; second++) {
            int index = (int) (second - startSecond);
            if (index >= 0 && index < values.length) {
                total += values[index];
            }
        }
        return total;
    }

    /** @return seconds in the measured window */
    public long steadySeconds() {
        return Math.max(0, steadyEndSecond - steadyStartSecond);
    }
}
