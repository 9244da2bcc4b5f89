package io.jitp.core.mqtt;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One device's budget for losing the server: after each loss it waits, starting at the connector's first delay
 * (never under AWS's one CONNECT per second per client id) and doubling up to its longest, plus up to a quarter more
 * at random so that thousands of devices do not come back in lockstep; once the next wait would end past the budget,
 * or an established connection was dropped more than {@value #MAX_DROPS} times (a server that keeps closing it at the
 * same step is refusing, not restarting), it gives up. Not thread-safe: one per device.
 */
public final class ReconnectBackoff {
    /** Established connections dropped before giving up, whatever the time left. */
    static final int MAX_DROPS = 3;

    private final Duration budget;
    private final long deadline;
    private final Duration maxDelay;
    private Duration delay;
    private int losses;
    private int drops;
    private ConnectionLostException gaveUp;

    ReconnectBackoff(Duration budget, Duration firstDelay, Duration maxDelay) {
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.delay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Counts a loss and waits before the caller tries again.
     *
     * @param lost what was lost
     * @throws ConnectionLostException saying how often and for how long it tried, when the budget is used up
     * @throws InterruptedIOException  if interrupted while waiting
     */
    public void retryAfter(ConnectionLostException lost) throws ConnectionLostException, InterruptedIOException {
        if (gaveUp != null) {
            // Passed up from a step that already gave up: neither a new loss nor a reason to wait.
            throw gaveUp;
        }
        losses++;
        if (lost.dropped()) {
            drops++;
        }
        long waitMillis = delay.toMillis() + ThreadLocalRandom.current().nextLong(delay.toMillis() / 4 + 1);
        if (drops > MAX_DROPS || System.nanoTime() + waitMillis * 1_000_000 > deadline) {
            gaveUp = new ConnectionLostException("gave up after losing the server " + losses + " time(s) within the "
                    + budget.toSeconds() + " s retry budget; last: " + lost.getMessage(), lost.dropped(), lost);
            throw gaveUp;
        }
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to reconnect");
        }
        delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
    }

    /** @return how many times the server was lost or unreachable so far */
    public int losses() {
        return losses;
    }
}
