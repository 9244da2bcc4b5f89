package io.jitp.core.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * A message delivered to a device.
 *
 * @param topic   the topic it was published on
 * @param payload its payload
 */
public record ReceivedMessage(String topic, byte[] payload) {
    /** @return the payload as UTF-8 text */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
