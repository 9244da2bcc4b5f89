package io.jitp.core.loadtest;

import java.util.Arrays;

/**
 * What one subscriber received from each publisher: the first and last message number and how many distinct ones.
 * Counting from the first message a subscriber saw (not from 0) keeps messages sent before it subscribed — in
 * another shard, say — from counting as lost. Used from the subscriber's callback only, one message at a time.
 */
final class DeliveryTracker {
    private final int[] first;
    private final int[] last;
    private final int[] count;
    private long duplicates;

    DeliveryTracker(int publishers) {
        first = new int[publishers];
        last = new int[publishers];
        count = new int[publishers];
        Arrays.fill(first, -1);
    }

    /**
     * @param publisher the publisher's number
     * @param seq       the message number
     * @return false for a repeat or out-of-order message (a QoS 1 redelivery), which is not counted again
     */
    synchronized boolean see(int publisher, int seq) {
        if (publisher < 0 || publisher >= first.length) {
            return false;
        }
        if (first[publisher] < 0) {
            first[publisher] = seq;
        } else if (seq <= last[publisher]) {
            duplicates++;
            return false;
        }
        last[publisher] = seq;
        count[publisher]++;
        return true;
    }

    synchronized boolean seen(int publisher) {
        return first[publisher] >= 0;
    }

    synchronized int first(int publisher) {
        return first[publisher];
    }

    synchronized int count(int publisher) {
        return count[publisher];
    }

    synchronized long duplicates() {
        return duplicates;
    }
}
