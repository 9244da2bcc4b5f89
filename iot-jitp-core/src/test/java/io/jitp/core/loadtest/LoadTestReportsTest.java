package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Report writing and shard merging on synthetic shard outputs, where every expected figure is known. */
class LoadTestReportsTest {
    private static final long START = 1_800_000_000L;
    private static final LoadTestPlan PLAN = new LoadTestPlan(2, 2, 1, 100, 1, 4, 0, MqttProtocol.V5, Shard.WHOLE,
            true);

    @TempDir
    Path work;

    /** Shard k of 2 runs pub k and sub k; each subscriber receives both publishers' messages. */
    private RunData shard(int k, long startSecond, long[] delivered, List<PublisherAccount> accounts) {
        Map<String, long[]> timeline = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            timeline.put(counter.jsonName(), new long[delivered.length]);
        }
        long[] published = new long[delivered.length];
        java.util.Arrays.fill(published, 1);
        timeline.put(Counter.PUBLISHED.jsonName(), published);
        timeline.put(Counter.DELIVERED.jsonName(), delivered);
        timeline.put(Counter.FORWARDED.jsonName(), delivered.clone());
        LoadTestPlan plan = PLAN.withShard(new Shard(k, 2));
        return new RunData("test broker", plan, List.of(k + "/2"), plan.shardExpectedPerSecond(), startSecond,
                startSecond + 1, startSecond + 5, timeline, 0, 1, k == 0, List.of(), accounts,
                List.of(new GeneratorFigures(k + "/2", 2, 0.5, 0.1, 0.04, 10, 10_000, 1 << 20, 1 << 19, 12)));
    }

    private static long[] values(Random random, Histogram into, LatencyRecorders recorders) {
        long[] values = new long[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + random.nextInt(50_000);
            into.recordValue(values[i]);
            recorders.record(Latency.DELIVERY, values[i]);
        }
        return values;
    }

    @Test
    void mergedHistogramsEqualOneHistogramOfEveryValueAndCountsAddUp() throws Exception {
        Histogram all = new Histogram(Latency.HIGHEST_MICROS, 3);
        Random random = new Random(42);
        Path[] folders = {work.resolve("shard-0"), work.resolve("shard-1")};
        for (Path folder : folders) {
            Files.createDirectories(folder);
            try (LatencyRecorders recorders = new LatencyRecorders(folder.resolve(LoadTestEngine.HISTOGRAM_LOG),
                    START * 1000)) {
                values(random, all, recorders);
                recorders.flush();
                values(random, all, recorders);
            }
        }
        // pub0 sent 6 (shard 0); sub0 saw it from seq 0 (6), sub1 from seq 2 and missed one (3 of 4 expected).
        LoadTestReports.write(folders[0], shard(0, START, new long[] {0, 4, 4, 4, 4, 4, 0}, List.of(
                new PublisherAccount(0, 6, 1, 0, 6, 6, 9), new PublisherAccount(1, 0, 1, 0, 6, 6, 6))),
                Thresholds.NONE);
        LoadTestReports.write(folders[1], shard(1, START + 1, new long[] {4, 4, 4, 4, 4, 0}, List.of(
                new PublisherAccount(0, 0, 1, 2, 3, 3, 0), new PublisherAccount(1, 6, 1, 0, 6, 6, 0))),
                Thresholds.NONE);

        LoadTestOutcome merged = LoadTestReports.merge(List.of(folders[0], folders[1].resolve(LoadTestReports.JSON)),
                work.resolve("merged"), Thresholds.NONE);

        Map<Latency, Histogram> totals = HistogramLogs.totals(List.of(merged.log()));
        Histogram delivery = totals.get(Latency.DELIVERY);
        assertEquals(all.getTotalCount(), delivery.getTotalCount());
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            assertEquals(all.getValueAtPercentile(percentile), delivery.getValueAtPercentile(percentile));
        }
        assertEquals(all.getMaxValue(), delivery.getMaxValue());
        assertEquals(all.getValueAtPercentile(99) / 1000.0, merged.summary().latencies().get("delivery").p99Millis());

        RunData data = LoadTestReports.readData(merged.json());
        assertEquals(List.of("0/2", "1/2"), data.shards());
        assertEquals(START, data.startSecond());
        assertArrayEquals(new long[] {0, 8, 8, 8, 8, 8, 0}, data.series(Counter.DELIVERED), "aligned by second");
        assertEquals(START + 2, data.steadyStartSecond(), "the window every shard measured");
        assertEquals(START + 5, data.steadyEndSecond());
        assertEquals(PLAN.expectedTotalPerSecond(), data.expectedPerSecond(), 1e-9);
        assertEquals(2, data.subscribersRun());
        LoadTestSummary summary = merged.summary();
        assertEquals(6 + 4 + 12, summary.loss().expectedDeliveries());
        assertEquals(1, summary.loss().lostDeliveries());
        assertEquals(6, summary.loss().lostForwards(), "forwards of pub0: 9 sent, 9 collected; of pub1: 12 and 6");
        assertEquals(2, summary.generators().size());
        String html = Files.readString(merged.html());
        assertEquals(3, html.split("<svg").length - 1, "throughput, percentiles, connections");
        assertFalse(html.contains("http://") && html.contains("<script"), "self-contained: no script, no CDN");
    }

    @Test
    void thresholdsFailARunThatMissesThem() throws Exception {
        Path folder = Files.createDirectories(work.resolve("slow"));
        try (LatencyRecorders recorders = new LatencyRecorders(folder.resolve(LoadTestEngine.HISTOGRAM_LOG),
                START * 1000)) {
            recorders.record(Latency.DELIVERY, 250_000);
        }
        // 3 of the 5 msg/s shard 0 should count; pub0's 10 messages reached its 2 subscribers 15 times of 20.
        RunData half = shard(0, START, new long[] {0, 1, 1, 1, 1, 1, 0}, List.of(
                new PublisherAccount(0, 10, 2, 0, 15, 15, 15), new PublisherAccount(1, 0, 0, 0, 0, 0, 0)));
        LoadTestOutcome outcome = LoadTestReports.write(folder, half, new Thresholds(0.95, 100, 0.01));
        assertFalse(outcome.passed());
        assertEquals(3, outcome.failures().size(), outcome.failures().toString());
        assertTrue(outcome.failures().get(0).contains("iot.loadtest.minRateRatio"));
        assertTrue(outcome.failures().get(1).contains("p99 250"), outcome.failures().get(1));
        assertTrue(outcome.failures().get(2).contains("lost 5 of 35"), outcome.failures().get(2));
        assertTrue(LoadTestReports.write(folder, half, Thresholds.NONE).passed());
    }

    @Test
    void mergingTheSameShardTwiceOrDifferentTestsIsRefused() throws Exception {
        RunData a = shard(0, START, new long[] {1}, List.of());
        RunData other = new RunData("x", new LoadTestPlan(3, 2, 1, 100, 1, 4, 0, MqttProtocol.V5, new Shard(1, 2),
                true), List.of("1/2"), 1, START, START, START + 1, Map.of(), 0, 1, false, List.of(), List.of(),
                List.of());
        assertTrue(assertThrows(InvalidInputException.class, () -> RunDataMerge.merge(List.of(a, a))).getMessage()
                .contains("twice"));
        assertTrue(assertThrows(InvalidInputException.class, () -> RunDataMerge.merge(List.of(a, other)))
                .getMessage().contains("different load tests"));
        assertThrows(InvalidInputException.class, () -> LoadTestReports.readData(work.resolve("none.json")));
    }
}
