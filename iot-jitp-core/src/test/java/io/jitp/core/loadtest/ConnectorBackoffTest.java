package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reconnect backoff: never under AWS's one CONNECT per second per client id, jittered, doubling, bounded. */
class ConnectorBackoffTest {
    private static final int SAMPLES = 2_000;

    @Test
    void backoffStaysAboveThePauseDoublesItsWindowAndIsBounded() {
        long pause = AwsIotQuotas.RECONNECT_PAUSE_MILLIS;
        for (int failures = 0; failures <= 20; failures++) {
            long window = Math.min(Connector.MAX_BACKOFF_MILLIS, pause << failures);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < SAMPLES; i++) {
                long delay = Connector.backoffMillis(failures);
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            assertTrue(min >= pause, "never two CONNECTs of one client id within the pause: " + min);
            assertTrue(max <= pause + window, failures + " failures: at most pause + window, got " + max);
            // Jitter: the delays spread over most of the window, so a fleet dropped at once does not return at once.
            assertTrue(max - min > window / 2, failures + " failures: spread " + (max - min) + " of " + window);
        }
    }
}
