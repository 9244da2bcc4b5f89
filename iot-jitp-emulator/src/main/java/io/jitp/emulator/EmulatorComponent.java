package io.jitp.emulator;

/**
 * A part of the stand-in with a lifecycle (MQTT broker, queue service, CloudFormation, rule engine). Components
 * start after the registry and the HTTP front door, side by side on their own threads; one that needs another,
 * listed before it, gets it from {@link EmulatorContext#component}, which waits for it. They close one at a time,
 * in reverse list order.
 */
@SuppressWarnings("try") // close() may throw anything a component throws, InterruptedException included
public interface EmulatorComponent extends AutoCloseable {
    /**
     * Starts the component. It may publish endpoints, register the query-protocol handler and look up the
     * components listed before it, all through the context. Runs on a thread of its own, alongside the other
     * components' starts.
     *
     * @param context the running stand-in
     * @throws Exception if it cannot start; the stand-in then stops what already started and fails
     */
    void start(EmulatorContext context) throws Exception;

    /**
     * Waits until the component serves requests. Called for every component after all of them started, before
     * {@code endpoints.json} is written, so a slow component may return from {@code start} at once (letting the
     * components that look it up start without waiting) and finish starting in the background.
     *
     * @throws Exception if it failed to start
     */
    default void awaitReady() throws Exception {
    }

    /**
     * Called once {@code endpoints.json} is written: work that may come later (a service that holds its first
     * requests until it runs) starts here rather than competing with the other components' start for the CPU.
     * Must not block.
     */
    default void afterReady() {
    }

    /** Stops the component and frees its ports and threads. */
    @Override
    void close() throws Exception;
}
