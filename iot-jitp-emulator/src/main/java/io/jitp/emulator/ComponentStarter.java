package io.jitp.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the components side by side, because the heavy ones (the MQTT broker, the queue service) are independent
 * and starting them one after the other would put the stand-in well past its start-up budget. A component that
 * needs another asks the context for it from {@code start}; it then waits for that one, which must come earlier in
 * the list (so no two components can wait for each other).
 */
final class ComponentStarter {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentStarter.class);

    private final List<EmulatorComponent> components;
    private final List<CompletableFuture<EmulatorComponent>> starts = new ArrayList<>();
    /** Position in the list of the component whose start runs on this thread. */
    private final ThreadLocal<Integer> position = new ThreadLocal<>();

    ComponentStarter(List<EmulatorComponent> components) {
        this.components = components;
    }

    /**
     * @param type a component class
     * @param <T> its type
     * @return the component of that type listed before the caller, once it has started
     * @throws IllegalStateException if it failed to start
     */
    <T> Optional<T> earlier(Class<T> type) {
        Integer caller = position.get();
        int limit = caller == null ? components.size() : caller;
        for (int i = 0; i < limit && i < starts.size(); i++) {
            if (type.isInstance(components.get(i))) {
                try {
                    return Optional.of(type.cast(starts.get(i).join()));
                } catch (CompletionException e) {
                    throw new IllegalStateException(type.getSimpleName() + " failed to start", e.getCause());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts every component and waits for all of them. If one fails, those that started are closed in reverse
     * order, those that failed are closed too, and the first failure in list order is thrown.
     *
     * @param context the context handed to each component
     * @return the components, all started, in list order
     * @throws IOException if a component failed with a checked exception
     */
    List<EmulatorComponent> startAll(EmulatorContext context) throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, components.size()), runnable -> {
            Thread thread = new Thread(runnable, "iot-jitp-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < components.size(); i++) {
                int index = i;
                starts.add(CompletableFuture.supplyAsync(() -> start(index, context), threads));
            }
            return collect();
        } finally {
            threads.shutdown();
        }
    }

    private EmulatorComponent start(int index, EmulatorContext context) {
        EmulatorComponent component = components.get(index);
        position.set(index);
        long startedAt = System.nanoTime();
        try {
            component.start(context);
        } catch (Exception e) {
            throw new CompletionException(e);
        } finally {
            position.remove();
        }
        LOG.info("Started {} in {} ms", component.getClass().getSimpleName(),
                (System.nanoTime() - startedAt) / 1_000_000);
        return component;
    }

    private List<EmulatorComponent> collect() throws IOException {
        List<EmulatorComponent> started = new ArrayList<>();
        Throwable firstFailure = null;
        for (int i = 0; i < starts.size(); i++) {
            try {
                started.add(starts.get(i).join());
            } catch (CompletionException e) {
                closeQuietly(components.get(i));
                if (firstFailure == null) {
                    firstFailure = e.getCause();
                }
            }
        }
        if (firstFailure == null) {
            return started;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            closeQuietly(started.get(i));
        }
        if (firstFailure instanceof IOException io) {
            throw io;
        }
        if (firstFailure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (firstFailure instanceof Error error) {
            throw error;
        }
        throw new IOException("A stand-in component failed to start: " + firstFailure.getMessage(), firstFailure);
    }

    static void closeQuietly(EmulatorComponent component) {
        try {
            component.close();
        } catch (Exception e) {
            LOG.warn("Component {} did not stop cleanly: {}", component.getClass().getSimpleName(), e.getMessage());
        }
    }
}
