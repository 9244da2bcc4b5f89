package io.jitp.core.loadtest;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * How many QoS 1 publishes one connection may have unacknowledged: the broker's Receive Maximum from the MQTT 5
 * CONNACK (HiveMQ's default is 10; absent, 65,535), bounded by {@link PublishWindow#LIMIT} so that both client
 * libraries pace a link's publishes alike. Publishes beyond it wait here, in order, and go out as PUBACKs return
 * credit: nothing is dropped, and a burst of forwards never breaks the broker's limit (which a broker answers by
 * closing the connection).
 */
final class PublishCredit {
    private final Queue<byte[]> waiting = new ArrayDeque<>();
    private int limit = 1;
    private int unacknowledged;

    /** @param receiveMaximum what the broker accepts unacknowledged from this connection */
    void limit(int receiveMaximum) {
        limit = Math.max(1, Math.min(receiveMaximum, PublishWindow.LIMIT));
    }

    /** @return whether the payload may go now (it then counts as unacknowledged); if not, it waits its turn */
    boolean take(byte[] payload) {
        if (unacknowledged < limit) {
            unacknowledged++;
            return true;
        }
        waiting.add(payload);
        return false;
    }

    /** @return one publish acknowledged: the next waiting payload to send in its place, or null if none waits */
    byte[] returned() {
        byte[] next = waiting.poll();
        if (next == null) {
            unacknowledged--;
        }
        return next;
    }

    /** @return the publishes that were waiting (not sent), none waiting any more */
    int dropWaiting() {
        int dropped = waiting.size();
        waiting.clear();
        return dropped;
    }
}
