package io.jitp.core.loadtest;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a performance engineer reads first, computed from raw results (one run or merged shards) and the
 * latency histograms.
 *
 * @param target                   where the devices connected
 * @param shards                   shards included
 * @param steadySeconds            length of the measured window
 * @param expectedPerSecond        messages per second expected (seed's formula, for the included shards)
 * @param achievedPerSecond        publishes, deliveries and forwards per second in the window
 * @param achievedRatio            achieved / expected
 * @param achievedInboundPerSecond publishes and forwards per second in the window
 * @param achievedOutboundPerSecond deliveries per second in the window
 * @param totals                   every counter over the whole run
 * @param loss                     lost messages
 * @param latencies                per latency tag
 * @param generators               cost of each process
 * @param failedDevices            devices that never connected
 */
public record LoadTestSummary(String target, List<String> shards, long steadySeconds, double expectedPerSecond,
                              double achievedPerSecond, double achievedRatio, double achievedInboundPerSecond,
                              double achievedOutboundPerSecond, Map<String, Long> totals, LossSummary loss,
                              Map<String, LatencySummary> latencies, List<GeneratorFigures> generators,
                              List<String> failedDevices) {
    /**
     * @param data   raw results
     * @param micros latency totals by kind
     * @return the summary
     */
    public static LoadTestSummary of(RunData data, Map<Latency, Histogram> micros) {
        double seconds = Math.max(1, data.steadySeconds());
        long published = data.steadyTotal(Counter.PUBLISHED);
        long delivered = data.steadyTotal(Counter.DELIVERED);
        long forwarded = data.steadyTotal(Counter.FORWARDED);
        double achieved = data.steadySeconds() == 0 ? 0 : (published + delivered + forwarded) / seconds;
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            if (counter != Counter.CONNECTED) {
                totals.put(counter.jsonName(), data.total(counter));
            }
        }
        totals.put("duplicates", data.duplicates());
        Map<String, LatencySummary> latencies = new LinkedHashMap<>();
        for (Latency latency : Latency.values()) {
            Histogram histogram = micros.get(latency);
            latencies.put(latency.tag(), histogram == null ? LatencySummary.of(new Histogram(3))
                    : LatencySummary.of(histogram));
        }
        return new LoadTestSummary(data.target(), data.shards(), data.steadySeconds(), data.expectedPerSecond(),
                achieved, data.expectedPerSecond() == 0 ? 0 : achieved / data.expectedPerSecond(),
                data.steadySeconds() == 0 ? 0 : (published + forwarded) / seconds,
                data.steadySeconds() == 0 ? 0 : delivered / seconds, totals, loss(data), latencies,
                data.generators(), data.failedDevices());
    }

    private static LossSummary loss(RunData data) {
        long expected = 0;
        long lost = 0;
        long forwards = 0;
        long lostForwards = 0;
        for (PublisherAccount account : data.publishers()) {
            expected += account.expectedDeliveries() + Math.max(0, data.subscribersRun() - account.seenBy())
                    * account.sent();
            lost += account.lostDeliveries(data.subscribersRun());
            if (data.collectorRun()) {
                forwards += account.forwarded();
                lostForwards += Math.max(0, account.forwarded() - account.collected());
            }
        }
        return new LossSummary(expected, lost, forwards, lostForwards);
    }

    /** @return the summary as the lines printed after a run */
    public List<String> describe() {
        LatencySummary delivery = latencies.get(Latency.DELIVERY.tag());
        LatencySummary forward = latencies.get(Latency.FORWARD.tag());
        LatencySummary connack = latencies.get(Latency.CONNACK.tag());
        return List.of(
                String.format("Target: %s; shards %s; measured %d s", target, String.join(",", shards),
                        steadySeconds),
                String.format("Rate: %.0f of %.0f msg/s expected (%.3f); inbound %.0f, outbound %.0f msg/s",
                        achievedPerSecond, expectedPerSecond, achievedRatio, achievedInboundPerSecond,
                        achievedOutboundPerSecond),
                String.format("Delivery latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f (%d)",
                        delivery.p50Millis(), delivery.p90Millis(), delivery.p99Millis(), delivery.p999Millis(),
                        delivery.maxMillis(), delivery.count()),
                String.format("Forward latency ms: p50 %.2f, p99 %.2f (%d); CONNACK ms: p50 %.1f, p99 %.1f",
                        forward.p50Millis(), forward.p99Millis(), forward.count(), connack.p50Millis(),
                        connack.p99Millis()),
                String.format("Lost: %d of %d (%.5f); connects %d, JITP drops %d, disconnects %d, reconnects %d,"
                                + " publishes missed while disconnected %d, cut off by a loss %d, errors %d, echoes %d",
                        loss.lost(), loss.expected(), loss.ratio(), totals.get("connects"), totals.get("jitpDrops"),
                        totals.get("disconnects"), totals.get("reconnects"), totals.get("missed"),
                        totals.get("aborted"), totals.get("errors"), totals.get("echoes")));
    }
}
