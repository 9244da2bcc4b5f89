package io.jitp.core.loadtest;

/**
 * Makes a run's device links with one client library, and owns what they share (the event loop that does every
 * device's TLS and MQTT work).
 */
interface DeviceLinks extends AutoCloseable {
    /**
     * @param id     client id
     * @param keys   its TLS identity
     * @param topic  the one topic it publishes to
     * @param events where the link reports losses and failed publishes
     * @return the link, not connected yet
     */
    DeviceLink link(String id, DeviceKeyManager keys, String topic, DeviceLink.Events events);

    /** Releases the shared event loop, once every link is disconnected. */
    @Override
    void close();
}
