package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process's slice of the devices: shard {@code index} of {@code count} owns the devices whose number modulo
 * {@code count} is {@code index}, so any number of processes split a load test into disjoint slices without talking
 * to each other. The index is zero-based, as Kubernetes' {@code JOB_COMPLETION_INDEX} is.
 *
 * @param index this shard, 0 to count - 1
 * @param count how many shards run the test together
 */
public record Shard(int index, int count) {
    /** The whole test in one process. */
    public static final Shard WHOLE = new Shard(0, 1);

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    /** Checks the bounds. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new InvalidInputException("iot.loadtest.shard must be K/N with 0 <= K < N (K is zero-based, like"
                    + " JOB_COMPLETION_INDEX), not " + index + "/" + count);
        }
    }

    /**
     * @param value {@code K/N}, e.g. {@code 0/3}; null or blank means the whole test
     * @return the shard
     */
    public static Shard parse(String value) {
        if (value == null || value.isBlank()) {
            return WHOLE;
        }
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidInputException("iot.loadtest.shard must be K/N, e.g. -Diot.loadtest.shard=0/3, not '"
                    + value + "'");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * @param deviceNumber the number in a device id ({@code 12} in {@code pub12})
     * @return whether this shard runs that device
     */
    public boolean owns(int deviceNumber) {
        return deviceNumber % count == index;
    }

    /**
     * @param total devices of one kind in the whole test
     * @return how many of them this shard owns
     */
    public int share(int total) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** @return whether this shard runs the single forward collector (shard 0 does) */
    public boolean runsCollector() {
        return index == 0;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
