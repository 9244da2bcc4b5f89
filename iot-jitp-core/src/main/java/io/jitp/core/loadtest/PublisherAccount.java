package io.jitp.core.loadtest;

/**
 * Sent and received counts of one publisher's messages, in the form that adds up across shards: its own shard knows
 * {@code sent}, every shard knows what its subscribers and collector received. Loss is computed once all are summed.
 *
 * @param number      the publisher's number ({@code 12} for {@code pub12})
 * @param sent        messages it sent (0 in shards that do not run it)
 * @param seenBy      subscribers that received at least one of its messages
 * @param firstSeqSum sum over those subscribers of the first message number each received
 * @param delivered   distinct messages its subscribers received
 * @param forwarded   forwards of its messages the subscribers sent
 * @param collected   forwards of its messages the collector received
 */
public record PublisherAccount(int number, long sent, long seenBy, long firstSeqSum, long delivered, long forwarded,
                               long collected) {
    /** @return deliveries expected by the subscribers that saw it: each from its first message to the last sent */
    public long expectedDeliveries() {
        return Math.max(0, seenBy * sent - firstSeqSum);
    }

    /**
     * @param subscribers subscribers that ran
     * @return its messages that should have arrived and did not, subscribers that never saw it included
     */
    public long lostDeliveries(long subscribers) {
        return Math.max(0, expectedDeliveries() - delivered) + Math.max(0, subscribers - seenBy) * sent;
    }

    /** @return the sum of two shards' accounts of the same publisher */
    public PublisherAccount plus(PublisherAccount other) {
        return new PublisherAccount(number, sent + other.sent, seenBy + other.seenBy,
                firstSeqSum + other.firstSeqSum, delivered + other.delivered, forwarded + other.forwarded,
                collected + other.collected);
    }
}
