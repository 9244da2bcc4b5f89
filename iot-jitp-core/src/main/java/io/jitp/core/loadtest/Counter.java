package io.jitp.core.loadtest;

/** What the run counts per second of its timeline. */
public enum Counter {
    /** Publishes sent by publishers. */
    PUBLISHED,
    /** Publishes received by subscribers. */
    DELIVERED,
    /** Forwards sent by subscribers. */
    FORWARDED,
    /** Forwards received by the collector. */
    COLLECTED,
    /** Successful CONNECTs (CONNACK accepted), reconnects included. */
    CONNECTS,
    /** First connections refused or dropped, as AWS does while it provisions a device by JITP. */
    JITP_DROPS,
    /** Connections the broker or the network closed during the run. */
    DISCONNECTS,
    /** Successful CONNECTs after such a loss. */
    RECONNECTS,
    /** Publishes a publisher could not send on schedule because it was disconnected (an outage: not sent, not lost). */
    MISSED,
    /** Publishes a connection loss cut off before the broker took them (QoS 1: never acknowledged); counted as lost. */
    ABORTED,
    /** Failed connects (besides JITP drops), refused subscriptions, failed publishes. */
    ERRORS,
    /** Messages a subscriber received on a forward topic: the seed's echo loop (must stay 0). */
    ECHOES,
    /** Devices connected at the end of the second (a gauge, not a count). */
    CONNECTED;

    /** @return the JSON name, e.g. {@code jitpDrops} */
    public String jsonName() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
