package io.jitp.core.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON payloads, with the seed's field names and a fixed field order so that a receiver reads them in one pass
 * without a JSON library (tens of thousands per second on a shared core): a publish
 * {@code {"device":"pub12","seq":41,"sent":<epoch µs>,"pad":"…"}} and a forward
 * {@code {"publisher":"pub12","subscriber":"sub3","seq":41,"sent":<epoch µs>,"ack":<epoch µs>,"pad":"…"}}, both
 * padded to the planned payload size.
 */
public final class LoadTestMessages {
    private static final byte[] PUBLISHER_KEY = ":\"pub".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBSCRIBER_KEY = ":\"sub".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ_KEY = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT_KEY = "\"sent\":".getBytes(StandardCharsets.US_ASCII);
    private static final String PAD_OPEN = ",\"pad\":\"";
    private static final String PAD_CLOSE = "\"}";

    private LoadTestMessages() {
    }

    /**
     * @param publisher  the publisher's id
     * @param seq        its message number, from 0
     * @param sentMicros wall-clock send time, microseconds since the epoch
     * @param size       payload size in bytes
     * @return the payload
     */
    public static byte[] publish(String publisher, int seq, long sentMicros, int size) {
        return pad("{\"device\":\"" + publisher + "\",\"seq\":" + seq + ",\"sent\":" + sentMicros, size);
    }

    /**
     * @param message    a received publish
     * @param subscriber the forwarding subscriber's id
     * @param ackMicros  when the subscriber processed it
     * @param size       payload size in bytes
     * @return the forward
     */
    public static byte[] forward(Received message, String subscriber, long ackMicros, int size) {
        return pad("{\"publisher\":\"" + DeviceRole.PUBLISHER.id(message.publisher()) + "\",\"subscriber\":\""
                + subscriber + "\",\"seq\":" + message.seq() + ",\"sent\":" + message.sentMicros() + ",\"ack\":"
                + ackMicros, size);
    }

    private static byte[] pad(String head, int size) {
        int padding = Math.max(0, size - head.length() - PAD_OPEN.length() - PAD_CLOSE.length());
        byte[] bytes = new byte[head.length() + PAD_OPEN.length() + padding + PAD_CLOSE.length()];
        int at = copy(head, bytes, 0);
        at = copy(PAD_OPEN, bytes, at);
        Arrays.fill(bytes, at, at + padding, (byte) 'x');
        copy(PAD_CLOSE, bytes, at + padding);
        return bytes;
    }

    private static int copy(String ascii, byte[] target, int at) {
        ascii.getBytes(0, ascii.length(), target, at);
        return at + ascii.length();
    }

    /**
     * @param payload a publish or a forward
     * @return what it carries, or null if it is not one of ours
     */
    public static Received read(byte[] payload) {
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

    private static long number(byte[] bytes, int from) {
        long value = 0;
        int i = from;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && i - from < 18) {
            value = value * 10 + (bytes[i] - '0');
            i++;
        }
        return i == from ? -1 : value;
    }

    private static int indexOf(byte[] bytes, byte[] key, int from) {
        outer:
        for (int i = from; i <= bytes.length - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (bytes[i + k] != key[k]) {
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
