package io.jitp.core.devices;

import io.jitp.core.Reporter;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports "&lt;verb&gt; n/total devices (rate/s)" at most every couple of seconds, from whichever worker is due. Shared by
 * every batch over devices (issuing, smoke-connect).
 */
public final class Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final String verb;
    private final int total;
    private final Reporter reporter;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong nextReport = new AtomicLong(start + INTERVAL_NANOS);

    Progress(int total, Reporter reporter) {
        this("Issued", total, reporter);
    }

    /**
     * @param verb     what is done to the devices, e.g. {@code Checked}
     * @param total    how many devices there are
     * @param reporter where the lines go
     */
    public Progress(String verb, int total, Reporter reporter) {
        this.verb = verb;
        this.total = total;
        this.reporter = reporter;
    }

    /** Counts one device as done; thread-safe. */
    public void completed() {
        int count = done.incrementAndGet();
        long now = System.nanoTime();
        long due = nextReport.get();
        if (now >= due && count < total && nextReport.compareAndSet(due, now + INTERVAL_NANOS)) {
            reporter.info(line(count, now));
        }
    }

    /** Prints the final count. */
    public void finished() {
        if (total > 0) {
            reporter.info(line(done.get(), System.nanoTime()));
        }
    }

    private String line(int count, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        return String.format(Locale.ROOT, "%s %d/%d devices (%.0f/s)", verb, count, total, count / seconds);
    }
}
