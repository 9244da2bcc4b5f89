package io.jitp.core.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One HdrHistogram {@link Recorder} per latency (recording is wait-free from any thread), drained into the
 * histogram log every few seconds: each interval histogram is written with its tag, so the log keeps the latency
 * over time and shard logs merge exactly (histograms add; percentiles do not average).
 */
final class LatencyRecorders implements Closeable {
    /** Three significant digits: 0.1 % resolution at every magnitude. */
    static final int SIGNIFICANT_DIGITS = 3;

    private final Map<Latency, Recorder> recorders = new EnumMap<>(Latency.class);
    private final Map<Latency, Histogram> totals = new EnumMap<>(Latency.class);
    private final PrintStream logStream;
    private final HistogramLogWriter log;

    LatencyRecorders(Path logFile, long startMillis) throws FileNotFoundException {
        for (Latency latency : Latency.values()) {
            recorders.put(latency, new Recorder(Latency.HIGHEST_MICROS, SIGNIFICANT_DIGITS));
            totals.put(latency, new Histogram(Latency.HIGHEST_MICROS, SIGNIFICANT_DIGITS));
        }
        logStream = new PrintStream(logFile.toFile());
        log = new HistogramLogWriter(logStream);
        log.outputComment("iot-jitp load test latencies in microseconds; tags: delivery, forward, tls, connack");
        log.outputLogFormatVersion();
        log.setBaseTime(startMillis);
        log.outputBaseTime(startMillis);
        log.outputLegend();
    }

    void record(Latency latency, long micros) {
        recorders.get(latency).recordValue(Math.max(0, Math.min(Latency.HIGHEST_MICROS, micros)));
    }

    /** Writes the interval since the last flush of every latency that has values, and adds it to the totals. */
    synchronized void flush() {
        for (Latency latency : Latency.values()) {
            Histogram interval = recorders.get(latency).getIntervalHistogram();
            if (interval.getTotalCount() > 0) {
                interval.setTag(latency.tag());
                log.outputIntervalHistogram(interval);
                totals.get(latency).add(interval);
            }
        }
        logStream.flush();
    }

    /** @return the totals so far (live: for progress lines) */
    synchronized Histogram total(Latency latency) {
        return totals.get(latency).copy();
    }

    @Override
    public synchronized void close() {
        flush();
        logStream.close();
    }
}
