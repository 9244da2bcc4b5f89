package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;

/** Which MQTT client the load-test devices use; both speak MQTT 5 and 3.1.1 over TLS on a shared Netty event loop. */
public enum MqttClientLibrary {
    /**
     * The HiveMQ MQTT client: a complete client, with a reactive (RxJava) pipeline behind its async API that costs
     * objects and a scheduler hand-off per message.
     */
    HIVEMQ("hivemq"),
    /** Netty's own MQTT codec with only what the generator needs ({@link NettyMqttLink}): fewer CPU-µs per message. */
    NETTY("netty");

    /** What a run uses unless told otherwise. */
    public static final MqttClientLibrary DEFAULT = NETTY;

    private final String label;

    MqttClientLibrary(String label) {
        this.label = label;
    }

    /** @return the name as users write it ({@code netty}, {@code hivemq}) */
    public String label() {
        return label;
    }

    /**
     * @param value {@code netty} or {@code hivemq} (any case); empty for {@link #DEFAULT}
     * @return the library
     * @throws InvalidInputException for anything else
     */
    public static MqttClientLibrary parse(String value) {
        String name = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        for (MqttClientLibrary library : values()) {
            if (library.label.equals(name)) {
                return library;
            }
        }
        if (name.isEmpty()) {
            return DEFAULT;
        }
        throw new InvalidInputException("iot.loadtest.client must be netty or hivemq, not '" + value + "'");
    }

    /**
     * @param settings         what every link shares
     * @param eventLoopThreads threads of the shared event loop
     * @return a maker of this library's links, to close after the run
     */
    DeviceLinks links(LinkSettings settings, int eventLoopThreads) {
        return this == HIVEMQ ? new HiveMqLinks(settings, eventLoopThreads)
                : new NettyLinks(settings, eventLoopThreads);
    }
}
