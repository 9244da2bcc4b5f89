package io.jitp.core.loadtest;

/** The latencies recorded, each a tag in the HdrHistogram log; all in microseconds. */
public enum Latency {
    /** Publisher send to subscriber receive (wall clocks: across machines it includes their skew). */
    DELIVERY("delivery"),
    /** Publisher send to the collector receiving the forward: two hops through the broker. */
    FORWARD("forward"),
    /** Connect start to the client signing its CertificateVerify: TCP connect plus the client's TLS handshake. */
    TLS_HANDSHAKE("tls"),
    /** Connect start to CONNACK. */
    CONNACK("connack");

    /** Highest value tracked: ten minutes in microseconds; larger values are clamped. */
    static final long HIGHEST_MICROS = 600_000_000L;

    private final String tag;

    Latency(String tag) {
        this.tag = tag;
    }

    /** @return the tag in the histogram log and the key in report.json */
    public String tag() {
        return tag;
    }

    /** @param tag a log tag @return the latency, or null for an unknown tag */
    static Latency ofTag(String tag) {
        for (Latency latency : values()) {
            if (latency.tag.equals(tag)) {
                return latency;
            }
        }
        return null;
    }
}
