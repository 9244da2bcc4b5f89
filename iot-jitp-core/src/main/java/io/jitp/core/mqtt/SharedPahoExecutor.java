package io.jitp.core.mqtt;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One executor for every Paho client of the process. Without one, Paho starts about five threads per connection
 * (connect, send, receive, callback, ping timer), and a thread start costs a fifth of a millisecond of CPU: a JITP
 * device connects twice. Paho's long-running loops run on a cached pool of daemon threads, reused once their
 * connection ends; its pings on one scheduler thread. Paho shuts down the executor it was given when a client
 * closes; this one is shared, so it ignores that.
 */
final class SharedPahoExecutor extends ScheduledThreadPoolExecutor {
    /** The process's instance. */
    static final SharedPahoExecutor INSTANCE = new SharedPahoExecutor();

    private final ExecutorService loops = Executors.newCachedThreadPool(daemons("paho-comms-"));

    private SharedPahoExecutor() {
        super(1, daemons("paho-ping-"));
        setRemoveOnCancelPolicy(true);
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void execute(Runnable command) {
        loops.execute(command);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return loops.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return loops.submit(task, result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return loops.submit(task);
    }

    @Override
    public void shutdown() {
        // Shared: a closing client does not end the others' threads.
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
