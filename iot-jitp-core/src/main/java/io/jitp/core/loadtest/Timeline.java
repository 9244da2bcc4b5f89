package io.jitp.core.loadtest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-second counts from a start second, lock-free (every device thread adds to it). Counts past the planned length
 * go into the last second rather than being dropped.
 */
final class Timeline {
    private final long startSecond;
    private final int seconds;
    private final AtomicLongArray counts;

    Timeline(long startSecond, int seconds) {
        this.startSecond = startSecond;
        this.seconds = seconds;
        this.counts = new AtomicLongArray(Counter.values().length * seconds);
    }

    long startSecond() {
        return startSecond;
    }

    void add(Counter counter) {
        add(counter, WallClock.second(), 1);
    }

    void add(Counter counter, long epochSecond, long amount) {
        counts.addAndGet(slot(counter, epochSecond), amount);
    }

    void set(Counter counter, long epochSecond, long value) {
        counts.set(slot(counter, epochSecond), value);
    }

    private int slot(Counter counter, long epochSecond) {
        int index = (int) Math.max(0, Math.min(seconds - 1, epochSecond - startSecond));
        return counter.ordinal() * seconds + index;
    }

    /** @return the total of a counter over [from, to) epoch seconds */
    long sum(Counter counter, long from, long to) {
        long total = 0;
        for (long second = Math.max(from, startSecond); second < Math.min(to, startSecond + seconds); second++) {
            total += counts.get(slot(counter, second));
        }
        return total;
    }

    /** @return the total of a counter */
    long total(Counter counter) {
        return sum(counter, startSecond, startSecond + seconds);
    }

    /**
     * @param lastSecond the last epoch second to include
     * @return every counter's per-second values from the start second to lastSecond
     */
    Map<Counter, long[]> snapshot(long lastSecond) {
        int length = (int) Math.max(1, Math.min(seconds, lastSecond - startSecond + 1));
        Map<Counter, long[]> values = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            long[] row = new long[length];
            for (int i = 0; i < length; i++) {
                row[i] = counts.get(counter.ordinal() * seconds + i);
            }
            values.put(counter, row);
        }
        return values;
    }
}
