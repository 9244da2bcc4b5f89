package io.jitp.emulator.mqtt;

import java.util.Optional;

/**
 * MQTT shared subscriptions, {@code $share/<group>/<filter>}, which AWS IoT supports for MQTT 5 and 3.1.1: each
 * message matching {@code <filter>} goes to one subscriber of the group. HiveMQ distributes the messages; the
 * stand-in's checks need the two parts. {@code iot:Subscribe} is checked on the whole filter as sent
 * ({@code topicfilter/$share/<group>/<filter>}, AWS's documented policy example), deliveries ({@code iot:Receive},
 * AWS's topic rules) on the real filter and topic.
 */
final class SharedSubscriptions {

    private static final String PREFIX = "$share/";

    private SharedSubscriptions() {
    }

    /**
     * @param filter a topic filter as sent in a SUBSCRIBE
     * @return the filter messages are matched against: {@code <filter>} of a shared subscription, else itself
     */
    static String topicFilterOf(String filter) {
        if (!filter.startsWith(PREFIX)) {
            return filter;
        }
        int end = filter.indexOf('/', PREFIX.length());
        return end < 0 ? "" : filter.substring(end + 1);
    }

    /**
     * @param filter a topic filter as sent in a SUBSCRIBE
     * @return why it is not a valid shared subscription (a group name that is empty or holds a wildcard, no
     *         filter), or empty when it is a valid one or no shared subscription at all
     */
    static Optional<String> problem(String filter) {
        if (!filter.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = filter.indexOf('/', PREFIX.length());
        String group = end < 0 ? filter.substring(PREFIX.length()) : filter.substring(PREFIX.length(), end);
        if (group.isEmpty() || group.contains("+") || group.contains("#")) {
            return Optional.of("shared subscription '" + filter + "' needs a share name without wildcards");
        }
        if (end < 0 || end == filter.length() - 1) {
            return Optional.of("shared subscription '" + filter + "' has no topic filter");
        }
        return Optional.empty();
    }
}
