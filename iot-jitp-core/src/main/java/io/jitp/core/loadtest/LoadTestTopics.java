package io.jitp.core.loadtest;

/**
 * The seed's topics, and the subscription that fixes its echo loop. The seed's subscribers subscribed to
 * {@code loadtest/#} and forwarded to {@code loadtest}; in plain MQTT {@code loadtest/#} also matches the parent level
 * {@code loadtest}, so on a standard broker every subscriber received every other subscriber's forwards and forwarded
 * them again, without end. (AWS IoT does not match the parent level, which hid the bug there.) Subscribing to
 * {@code loadtest/+} matches exactly one level below {@code loadtest} on every broker: publishes, never forwards.
 */
public final class LoadTestTopics {
    /** Where the forwards go and what the seed's topic rule reads. */
    public static final String FORWARDS = "loadtest";
    /** What subscribers subscribe to: one level below {@link #FORWARDS}, never {@link #FORWARDS} itself. */
    public static final String PUBLISHES_FILTER = "loadtest/+";

    private LoadTestTopics() {
    }

    /** @param publisherId a publisher @return its topic, {@code loadtest/<id>} */
    public static String publishTopic(String publisherId) {
        return FORWARDS + "/" + publisherId;
    }
}
