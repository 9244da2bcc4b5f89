package io.jitp.emulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * AWS IoT's rules for topic names and filters: at most 256 bytes and 7 slashes, and a {@code #} that does not
 * match its parent level ({@code sensor/#} receives {@code sensor/x} but not {@code sensor}).
 */
public final class AwsTopics {

    /** Largest topic or filter in UTF-8 bytes. */
    public static final int MAX_BYTES = 256;
    /** Most forward slashes a topic or filter may hold. */
    public static final int MAX_SLASHES = 7;

    private AwsTopics() {
    }

    /**
     * @param topic a topic name from a PUBLISH
     * @return why AWS would refuse it, or empty when it is acceptable
     */
    public static Optional<String> topicNameProblem(String topic) {
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return Optional.of("topic name '" + topic + "' contains a wildcard");
        }
        return sizeProblem(topic);
    }

    /**
     * @param filter a topic filter from a SUBSCRIBE
     * @return why AWS would refuse it, or empty when it is acceptable
     */
    public static Optional<String> topicFilterProblem(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean multi = level.equals("#");
            if (!multi && !level.equals("+") && (level.contains("#") || level.contains("+"))
                    || multi && i != levels.length - 1) {
                return Optional.of("topic filter '" + filter + "' uses a wildcard inside a level");
            }
        }
        return sizeProblem(filter);
    }

    private static Optional<String> sizeProblem(String topic) {
        if (topic.isEmpty()) {
            return Optional.of("empty topic");
        }
        if (topic.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("topic '" + topic + "' is longer than " + MAX_BYTES + " bytes");
        }
        if (topic.chars().filter(c -> c == '/').count() > MAX_SLASHES) {
            return Optional.of("topic '" + topic + "' has more than " + MAX_SLASHES + " slashes");
        }
        return Optional.empty();
    }

    /**
     * @param filter a valid topic filter
     * @param topic  a topic name
     * @return whether AWS IoT delivers a message on {@code topic} to a subscription on {@code filter}
     */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        for (int i = 0; i < filterLevels.length; i++) {
            String level = filterLevels[i];
            if (level.equals("#")) {
                // Unlike MQTT 3.1.1 §4.7.1.2, AWS requires at least one level under the parent.
                return topicLevels.length > i;
            }
            if (i >= topicLevels.length || !level.equals("+") && !level.equals(topicLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
    }

    /** @return whether the filter holds an MQTT wildcard, i.e. does not name exactly one topic */
    public static boolean isWildcard(String filter) {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }
}
