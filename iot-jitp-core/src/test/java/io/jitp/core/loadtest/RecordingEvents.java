package io.jitp.core.loadtest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What a device link reported, for tests. */
final class RecordingEvents implements DeviceLink.Events {
    final CountDownLatch lost = new CountDownLatch(1);
    final AtomicInteger losses = new AtomicInteger();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Override
    public void lost() {
        losses.incrementAndGet();
        lost.countDown();
    }

    @Override
    public void publishFailed(Throwable failure) {
        failures.add(failure);
    }

    /**
     * Publishes from a test's thread reach the event loop as tasks: their failures come a moment later.
     *
     * @param count failures to wait for
     * @param seconds at most
     */
    void awaitFailures(int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (failures.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
