package io.jitp.core.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reconnect budget: a loss it cannot wait for is reported with the count and the budget, once. */
class ReconnectBackoffTest {
    private static final ConnectionLostException UNREACHABLE = new ConnectionLostException(
            "Cannot reach 127.0.0.1:1 as dev-1", false, new ConnectException("Connection refused"));

    @Test
    void aLossBeyondTheBudgetGivesUpSayingHowOftenAndWithinWhatBudget() {
        ReconnectBackoff backoff = new JitpConnector(3, Duration.ZERO, Duration.ZERO, Duration.ZERO).newBackoff();
        ConnectionLostException gaveUp = assertThrows(ConnectionLostException.class,
                () -> backoff.retryAfter(UNREACHABLE));
        assertEquals("gave up after losing the server 1 time(s) within the 0 s retry budget; last: Cannot reach"
                + " 127.0.0.1:1 as dev-1", gaveUp.getMessage());
        assertSame(UNREACHABLE, gaveUp.getCause());
        assertEquals(1, backoff.losses());

        ConnectionLostException again = assertThrows(ConnectionLostException.class,
                () -> backoff.retryAfter(gaveUp));
        assertSame(gaveUp, again, "passed up again, not counted as another loss");
        assertEquals(1, backoff.losses());
    }

    @Test
    void aLossWithinTheBudgetWaitsAtLeastTheOneSecondFloor() throws Exception {
        ReconnectBackoff backoff = JitpConnector.DEFAULT.newBackoff();
        long start = System.nanoTime();
        backoff.retryAfter(UNREACHABLE);
        assertTrue(System.nanoTime() - start >= JitpConnector.MIN_DELAY.toNanos(), "AWS: one CONNECT per second");
        assertEquals(1, backoff.losses());
    }

    @Test
    void aConnectionDroppedOnceMoreThanTheLimitGivesUpWhateverTheTimeLeft() throws Exception {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMinutes(10), Duration.ofMillis(1),
                Duration.ofMillis(2));
        ConnectionLostException dropped = new ConnectionLostException("PUBLISH to t refused: connection closed",
                true, null);
        for (int i = 0; i < ReconnectBackoff.MAX_DROPS; i++) {
            backoff.retryAfter(dropped);
        }
        backoff.retryAfter(UNREACHABLE);
        ConnectionLostException gaveUp = assertThrows(ConnectionLostException.class,
                () -> backoff.retryAfter(dropped));
        assertTrue(gaveUp.getMessage().startsWith("gave up after losing the server 5 time(s) within the 600 s retry"
                + " budget; last: PUBLISH to t refused"), gaveUp.getMessage());
    }

    @Test
    void theDefaultConnectorKeepsReconnectingForAMinuteAndTheBudgetIsNeverNegative() {
        assertEquals(JitpConnector.DEFAULT_RECONNECT_BUDGET, JitpConnector.DEFAULT.reconnectBudget());
        assertEquals(Duration.ZERO, new JitpConnector(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1))
                .reconnectBudget());
    }
}
