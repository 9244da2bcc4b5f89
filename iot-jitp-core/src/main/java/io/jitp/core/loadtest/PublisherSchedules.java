package io.jitp.core.loadtest;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The publishers' fixed-rate schedules, each on the Netty event loop that first connected the publisher (the
 * client's callbacks run there, see {@link LinkSettings}). A publish issued on the event loop reaches the client's
 * outgoing handler as a task of that same loop, with no thread hand-over; from a separate scheduler thread every
 * publish woke the event loop (an eventfd write) and the scheduler thread slept and woke once per publish (a futex
 * wait, a context switch) — measured, about a tenth of the generator's CPU for a fortieth of its messages. The timers
 * are the event loop's own (its epoll wait times out at the next one, to the microsecond), so the offered load keeps
 * its shape: each publisher at its own phase within the period.
 *
 * <p>The HiveMQ client shuts its event loop down when its last connection is gone (a broker restart drops them
 * all), which cancels the timers on it: a schedule then continues on the fallback scheduler, in the same phase, so
 * the publisher keeps ticking (and counting the publishes it misses while disconnected) until the run stops.
 */
final class PublisherSchedules {
    private final ScheduledExecutorService fallback;
    private final long periodNanos;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private boolean stopped;

    /**
     * @param fallback    where schedules run when not started on an event loop, or once it shut down
     * @param periodNanos every publisher's period
     */
    PublisherSchedules(ScheduledExecutorService fallback, long periodNanos) {
        this.fallback = fallback;
        this.periodNanos = periodNanos;
    }

    /** @return the event loop running the calling thread, else the fallback scheduler */
    ScheduledExecutorService currentClock() {
        ScheduledExecutorService loop = ThreadExecutorMap.currentExecutor();
        return loop != null ? loop : fallback;
    }

    /**
     * Starts a schedule at a random offset within the first period (in-phase publishers would hit the broker in
     * bursts).
     *
     * @param clock   where it runs ({@link #currentClock()} at the publisher's first connect)
     * @param publish one publish
     */
    void start(ScheduledExecutorService clock, Runnable publish) {
        schedule(clock, publish, System.nanoTime() + ThreadLocalRandom.current().nextLong(periodNanos));
    }

    private synchronized void schedule(ScheduledExecutorService clock, Runnable publish, long phaseNanos) {
        if (stopped) {
            return;
        }
        long delay = Math.floorMod(phaseNanos - System.nanoTime(), periodNanos);
        try {
            schedules.add(clock.scheduleAtFixedRate(publish, delay, periodNanos, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException shutDown) {
            schedules.add(fallback.scheduleAtFixedRate(publish, delay, periodNanos, TimeUnit.NANOSECONDS));
            return;
        }
        if (clock instanceof EventExecutor loop) {
            loop.terminationFuture().addListener(terminated -> schedule(fallback, publish, phaseNanos));
        }
    }

    /** Cancels every schedule (those on an event loop would otherwise tick until it shuts down). */
    synchronized void stop() {
        stopped = true;
        schedules.forEach(schedule -> schedule.cancel(false));
    }
}
