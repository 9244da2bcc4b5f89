package io.jitp.core.loadtest;

/**
 * Wall-clock microseconds, read cheaply: the epoch offset is taken once and {@link System#nanoTime()} added, so
 * every timestamp of one process is monotonic and sub-millisecond; timestamps of different machines (shards) compare
 * as well as their clocks agree (NTP: usually within a millisecond).
 */
final class WallClock {
    private static final long OFFSET_MICROS = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;

    private WallClock() {
    }

    /** @return microseconds since the epoch */
    static long micros() {
        return OFFSET_MICROS + System.nanoTime() / 1000;
    }

    /** @return seconds since the epoch, consistent with {@link #micros()} */
    static long second() {
        return micros() / 1_000_000;
    }
}
