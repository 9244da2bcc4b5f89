package io.jitp.core.loadtest;

import java.util.Arrays;

/**
 * Writes a load-test message's JSON head straight into its final byte array and pads it to the planned size with
 * {@code ,"pad":"xxx…"}: one allocation per message, where string concatenation made three (the generator writes
 * tens of thousands a second, and garbage is what makes the JVM grow its heap).
 */
final class AsciiWriter {
    private static final byte[] PAD_OPEN = {',', '"', 'p', 'a', 'd', '"', ':', '"'};
    private static final byte[] PAD_CLOSE = {'"', '}'};

    private final byte[] bytes;
    private int at;

    /**
     * @param headLength exact length of the head that will be written
     * @param size       the payload size wanted; the message is longer only if the head does not fit
     */
    AsciiWriter(int headLength, int size) {
        bytes = new byte[Math.max(size, headLength + PAD_OPEN.length + PAD_CLOSE.length)];
    }

    AsciiWriter put(byte[] ascii) {
        System.arraycopy(ascii, 0, bytes, at, ascii.length);
        at += ascii.length;
        return this;
    }

    AsciiWriter put(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            bytes[at++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Writes a decimal number; its length must have been counted in the head length. */
    AsciiWriter put(long value) {
        if (value < 0) {
            bytes[at++] = '-';
        }
        long rest = Math.abs(value);
        int end = at + LoadTestMessages.digits(rest);
        for (int i = end - 1; i >= at; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        at = end;
        return this;
    }

    /** @return the message: the head, then the padding field filling it to its size */
    byte[] padded() {
        put(PAD_OPEN);
        int padEnd = bytes.length - PAD_CLOSE.length;
        Arrays.fill(bytes, at, padEnd, (byte) 'x');
        at = padEnd;
        put(PAD_CLOSE);
        return bytes;
    }
}
