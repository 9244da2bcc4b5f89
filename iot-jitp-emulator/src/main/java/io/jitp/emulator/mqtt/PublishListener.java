package io.jitp.emulator.mqtt;

/** Told about every PUBLISH the broker accepted from a device (the rules engine listens here). */
@FunctionalInterface
public interface PublishListener {

    /**
     * Called on a broker thread: implementations must return quickly and never throw.
     *
     * @param topic   the topic
     * @param payload the payload bytes
     */
    void published(String topic, byte[] payload);
}
