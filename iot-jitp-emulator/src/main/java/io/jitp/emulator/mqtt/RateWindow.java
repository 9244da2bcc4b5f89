package io.jitp.emulator.mqtt;

/** Counts events in one-second windows: the granularity of AWS IoT's per-second quotas. */
final class RateWindow {

    private final int limit;
    private long windowStart;
    private int count;
    private long rejected;

    /** @param limit events allowed per second */
    RateWindow(int limit) {
        this.limit = limit;
    }

    /**
     * @param nowMillis the current time
     * @return whether one more event fits in the current second (if so it is counted)
     */
    synchronized boolean tryAcquire(long nowMillis) {
        if (nowMillis - windowStart >= 1000) {
            windowStart = nowMillis;
            count = 0;
        }
        if (count < limit) {
            count++;
            return true;
        }
        rejected++;
        return false;
    }

    /** @return how many events were refused so far */
    synchronized long rejected() {
        return rejected;
    }
}
