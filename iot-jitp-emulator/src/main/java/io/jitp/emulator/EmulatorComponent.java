package io.jitp.emulator;

/**
 * A part of the stand-in with a lifecycle (MQTT broker, queue service, CloudFormation, rule engine). Components
 * start in the order they were added, after the registry and the HTTP front door, and close in reverse order.
 */
public interface EmulatorComponent extends AutoCloseable {
    /**
     * Starts the component. It may publish endpoints, register the query-protocol handler and look up the
     * components started before it, all through the context.
     *
     * @param context the running stand-in
     * @throws Exception if it cannot start; the stand-in then stops what already started and fails
     */
    void start(EmulatorContext context) throws Exception;

    /**
     * Waits until the component serves requests. Called for every component after all of them started, before
     * {@code endpoints.json} is written, so a slow component may start in the background while the next ones start.
     *
     * @throws Exception if it failed to start
     */
    default void awaitReady() throws Exception {
    }

    /** Stops the component and frees its ports and threads. */
    @Override
    void close() throws Exception;
}
