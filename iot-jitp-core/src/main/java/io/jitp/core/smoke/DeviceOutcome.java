package io.jitp.core.smoke;

/**
 * One device's smoke test.
 *
 * @param id             device id
 * @param failure        why it failed, or null if it passed
 * @param attempts       MQTT connection attempts
 * @param handshakeNanos TLS handshake of the connection that succeeded (0 if none did)
 * @param jitpDelayNanos from the first refused connection to the successful one (0 when already provisioned)
 * @param roundTripNanos from publishing to receiving its own message (0 if not reached)
 * @param totalNanos     the whole test of this device
 */
public record DeviceOutcome(String id, String failure, int attempts, long handshakeNanos, long jitpDelayNanos,
                            long roundTripNanos, long totalNanos) {
    /** @return true if every check passed */
    public boolean passed() {
        return failure == null;
    }
}
