package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishers tick on the event loop that connected them, and keep ticking on the fallback scheduler once the client
 * shut that loop down (all its connections gone).
 */
class PublisherSchedulesTest {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ScheduledThreadPoolExecutor fallback = new ScheduledThreadPoolExecutor(1, runnable ->
            new Thread(runnable, "fallback"));
    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        fallback.shutdownNow();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    @Test
    void theClockIsTheCallersEventLoopElseTheFallback() throws Exception {
        PublisherSchedules schedules = new PublisherSchedules(fallback, PERIOD_NANOS);
        assertSame(loop, loop.submit(schedules::currentClock).get(10, TimeUnit.SECONDS));
        assertSame(fallback, schedules.currentClock());
    }

    @Test
    void aScheduleOutlivesItsEventLoopOnTheFallback() throws Exception {
        PublisherSchedules schedules = new PublisherSchedules(fallback, PERIOD_NANOS);
        CountDownLatch onLoop = new CountDownLatch(3);
        CountDownLatch onFallback = new CountDownLatch(3);
        schedules.start(loop, () -> (loop.inEventLoop() ? onLoop : onFallback).countDown());
        assertTrue(onLoop.await(10, TimeUnit.SECONDS), "ticks on the event loop");
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        assertTrue(onFallback.await(10, TimeUnit.SECONDS), "ticks on the fallback once the loop is gone");
        schedules.stop();
    }

    @Test
    void stoppedSchedulesDoNotMoveToTheFallback() throws Exception {
        PublisherSchedules schedules = new PublisherSchedules(fallback, PERIOD_NANOS);
        CountDownLatch ticked = new CountDownLatch(1);
        schedules.start(loop, ticked::countDown);
        assertTrue(ticked.await(10, TimeUnit.SECONDS));
        schedules.stop();
        // Listeners run in the order they were added: once this one ran, the schedules' own listener has too.
        CountDownLatch after = new CountDownLatch(1);
        loop.terminationFuture().addListener(done -> after.countDown());
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertEquals(0, fallback.getQueue().size(), "nothing was scheduled on the fallback");
    }
}
