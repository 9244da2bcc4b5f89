package io.jitp.core.loadtest;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reading the latency logs back: totals per latency, and several shard logs merged into one. */
public final class HistogramLogs {
    private HistogramLogs() {
    }

    /**
     * @param logs histogram logs of one run or of several shards
     * @return per latency, the sum of every interval of every log (an exact merge: counts add per value bucket)
     * @throws IOException if a log cannot be read
     */
    public static Map<Latency, Histogram> totals(List<Path> logs) throws IOException {
        Map<Latency, Histogram> totals = new EnumMap<>(Latency.class);
        for (Latency latency : Latency.values()) {
            totals.put(latency, new Histogram(Latency.HIGHEST_MICROS, LatencyRecorders.SIGNIFICANT_DIGITS));
        }
        for (EncodableHistogram interval : intervals(logs)) {
            Latency latency = Latency.ofTag(interval.getTag());
            if (latency != null && interval instanceof Histogram histogram) {
                totals.get(latency).add(histogram);
            }
        }
        return totals;
    }

    /**
     * Writes every interval of several logs, in time order, into one log.
     *
     * @param logs   shard logs
     * @param merged the merged log
     * @throws IOException if a log cannot be read or written
     */
    public static void merge(List<Path> logs, Path merged) throws IOException {
        List<EncodableHistogram> intervals = intervals(logs);
        intervals.sort(Comparator.comparingLong(EncodableHistogram::getStartTimeStamp));
        try (PrintStream out = new PrintStream(merged.toFile())) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("iot-jitp load test latencies in microseconds, merged from " + logs.size()
                    + " shard log(s)");
            writer.outputLogFormatVersion();
            long base = intervals.isEmpty() ? 0 : intervals.get(0).getStartTimeStamp();
            writer.setBaseTime(base);
            writer.outputBaseTime(base);
            writer.outputLegend();
            intervals.forEach(writer::outputIntervalHistogram);
        }
    }

    private static List<EncodableHistogram> intervals(List<Path> logs) throws IOException {
        List<EncodableHistogram> intervals = new ArrayList<>();
        for (Path log : logs) {
            try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
                EncodableHistogram interval;
                while ((interval = reader.nextIntervalHistogram()) != null) {
                    intervals.add(interval);
                }
            }
        }
        return intervals;
    }
}
