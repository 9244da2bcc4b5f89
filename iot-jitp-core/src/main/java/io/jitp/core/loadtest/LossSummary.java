package io.jitp.core.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Messages that should have arrived and did not. Deliveries are counted per subscriber from the first message it
 * received from each publisher; forwards are compared with what the collector received.
 *
 * @param expectedDeliveries deliveries expected
 * @param lostDeliveries     of which missing
 * @param forwardsSent       forwards the subscribers sent (checked only when the collector ran)
 * @param lostForwards       forwards the collector did not receive
 */
public record LossSummary(long expectedDeliveries, long lostDeliveries, long forwardsSent, long lostForwards) {
    /** @return every message expected */
    @JsonProperty
    public long expected() {
        return expectedDeliveries + forwardsSent;
    }

    /** @return every message lost */
    @JsonProperty
    public long lost() {
        return lostDeliveries + lostForwards;
    }

    /** @return lost / expected, 0 when nothing was expected */
    @JsonProperty
    public double ratio() {
        return expected() == 0 ? 0 : lost() / (double) expected();
    }
}
