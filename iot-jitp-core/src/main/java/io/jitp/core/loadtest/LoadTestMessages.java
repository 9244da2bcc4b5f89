package io.jitp.core.loadtest;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * The JSON payloads, with the seed's field names and a fixed field order so that a receiver reads them in one pass
 * without a JSON library and write them without intermediate strings (tens of thousands per second on a shared
 * core; every allocation saved keeps the default heap small): a publish
 * {@code {"device":"pub12","seq":41,"sent":<epoch µs>,"pad":"…"}} and a forward
 * {@code {"publisher":"pub12","subscriber":"sub3","seq":41,"sent":<epoch µs>,"ack":<epoch µs>,"pad":"…"}}, both
 * padded to the planned payload size.
 */
public final class LoadTestMessages {
    private static final byte[] PUBLISHER_KEY = ":\"pub".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBSCRIBER_KEY = ":\"sub".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ_KEY = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT_KEY = "\"sent\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEVICE_OPEN = ascii("{\"device\":\"");
    private static final byte[] PUBLISHER_OPEN = ascii("{\"publisher\":\"");
    private static final byte[] SUBSCRIBER_OPEN = ascii("\",\"subscriber\":\"");
    private static final byte[] SEQ_OPEN = ascii("\",\"seq\":");
    private static final byte[] SENT_OPEN = ascii(",\"sent\":");
    private static final byte[] ACK_OPEN = ascii(",\"ack\":");

    private LoadTestMessages() {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param publisher  the publisher's id
     * @param seq        its message number, from 0
     * @param sentMicros wall-clock send time, microseconds since the epoch
     * @param size       payload size in bytes
     * @return the payload
     */
    public static byte[] publish(String publisher, int seq, long sentMicros, int size) {
        int head = DEVICE_OPEN.length + publisher.length() + SEQ_OPEN.length + digits(seq) + SENT_OPEN.length
                + digits(sentMicros);
        AsciiWriter out = new AsciiWriter(head, size);
        out.put(DEVICE_OPEN).put(publisher).put(SEQ_OPEN).put(seq).put(SENT_OPEN).put(sentMicros);
        return out.padded();
    }

    /**
     * @param message    a received publish
     * @param subscriber the forwarding subscriber's id
     * @param ackMicros  when the subscriber processed it
     * @param size       payload size in bytes
     * @return the forward
     */
    public static byte[] forward(Received message, String subscriber, long ackMicros, int size) {
        String prefix = DeviceRole.PUBLISHER.prefix();
        int head = PUBLISHER_OPEN.length + prefix.length() + digits(message.publisher()) + SUBSCRIBER_OPEN.length
                + subscriber.length() + SEQ_OPEN.length + digits(message.seq()) + SENT_OPEN.length
                + digits(message.sentMicros()) + ACK_OPEN.length + digits(ackMicros);
        AsciiWriter out = new AsciiWriter(head, size);
        out.put(PUBLISHER_OPEN).put(prefix).put(message.publisher()).put(SUBSCRIBER_OPEN).put(subscriber)
                .put(SEQ_OPEN).put(message.seq()).put(SENT_OPEN).put(message.sentMicros()).put(ACK_OPEN)
                .put(ackMicros);
        return out.padded();
    }

    /** @return characters of a decimal number, sign included */
    static int digits(long value) {
        if (value < 0) {
            return value == Long.MIN_VALUE ? 20 : 1 + digits(-value);
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    /** @param payload a publish or a forward @return what it carries, or null if it is not one of ours */
    public static Received read(byte[] payload) {
        return read(ByteBuffer.wrap(payload));
    }

    /**
     * @param payload a publish or a forward, read from its position to its limit (not moved)
     * @return what it carries, or null if it is not one of ours
     */
    public static Received read(ByteBuffer payload) {
        int publisherAt = indexOf(payload, PUBLISHER_KEY, 0);
        if (publisherAt < 0) {
            return null;
        }
        long publisher = number(payload, publisherAt + PUBLISHER_KEY.length);
        int subscriberAt = indexOf(payload, SUBSCRIBER_KEY, publisherAt);
        long subscriber = subscriberAt < 0 ? -1 : number(payload, subscriberAt + SUBSCRIBER_KEY.length);
        int seqAt = indexOf(payload, SEQ_KEY, publisherAt);
        int sentAt = seqAt < 0 ? -1 : indexOf(payload, SENT_KEY, seqAt);
        if (sentAt < 0) {
            return null;
        }
        long seq = number(payload, seqAt + SEQ_KEY.length);
        long sent = number(payload, sentAt + SENT_KEY.length);
        if (publisher < 0 || seq < 0 || sent < 0) {
            return null;
        }
        return new Received((int) publisher, (int) subscriber, (int) seq, sent);
    }

    private static long number(ByteBuffer bytes, int from) {
        long value = 0;
        int i = from;
        while (i < bytes.limit() && bytes.get(i) >= '0' && bytes.get(i) <= '9' && i - from < 18) {
            value = value * 10 + (bytes.get(i) - '0');
            i++;
        }
        return i == from ? -1 : value;
    }

    private static int indexOf(ByteBuffer bytes, byte[] key, int from) {
        outer:
        for (int i = Math.max(from, bytes.position()); i <= bytes.limit() - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (bytes.get(i + k) != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * What a message carries.
     *
     * @param publisher  the publisher's number
     * @param subscriber the forwarding subscriber's number, -1 in a publish
     * @param seq        the publisher's message number
     * @param sentMicros when the publisher sent it, microseconds since the epoch
     */
    public record Received(int publisher, int subscriber, int seq, long sentMicros) {
    }
}
