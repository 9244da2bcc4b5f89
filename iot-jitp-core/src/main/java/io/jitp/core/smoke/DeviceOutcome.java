package io.jitp.core.smoke;

/**
 * One device's smoke test.
 *
 * @param id              device id
 * @param failure         why it failed, or null if it passed
 * @param attempts        MQTT connection attempts of the connection that got through (or the last one tried)
 * @param handshakeNanos  TLS handshake of the connection that succeeded (0 if none did)
 * @param jitpDelayNanos  from the first refused connection to the successful one (0 when already provisioned)
 * @param roundTripNanos  from publishing to receiving its own message (0 if not reached)
 * @param totalNanos      the whole test of this device
 * @param connectionsLost times the server could not be reached or dropped the device's connection (each followed by
 *                        a reconnection, unless the retry budget was used up)
 */
public record DeviceOutcome(String id, String failure, int attempts, long handshakeNanos, long jitpDelayNanos,
                            long roundTripNanos, long totalNanos, int connectionsLost) {
    /** An outcome without lost connections. */
    public DeviceOutcome(String id, String failure, int attempts, long handshakeNanos, long jitpDelayNanos,
                         long roundTripNanos, long totalNanos) {
        this(id, failure, attempts, handshakeNanos, jitpDelayNanos, roundTripNanos, totalNanos, 0);
    }

    /**
     * @param problems more problems found about this device, e.g. by the control plane
     * @return this outcome with them added to its failure text (itself when there are none)
     */
    DeviceOutcome withProblems(java.util.List<String> problems) {
        if (problems.isEmpty()) {
            return this;
        }
        String more = String.join("; ", problems);
        return new DeviceOutcome(id, failure == null ? more : failure + "; " + more, attempts, handshakeNanos,
                jitpDelayNanos, roundTripNanos, totalNanos, connectionsLost);
    }

    /** @return true if every check passed */
    public boolean passed() {
        return failure == null;
    }
}
