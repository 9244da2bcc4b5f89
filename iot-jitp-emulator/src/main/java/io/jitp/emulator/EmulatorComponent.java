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

    /** Stops the component and frees its ports and threads. */
    @Override
    void close() throws Exception;
}
