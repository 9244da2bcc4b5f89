package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a load test does, and the traffic it should produce. As in the seed, every publisher sends {@code rate}
 * messages per second to {@code loadtest/<id>}; every subscriber receives all of them and forwards each to
 * {@code loadtest}. Expected: {@code P·r·(1+2S)} messages per second in total, {@code P·r·(1+S)} inbound (publishes
 * and forwards) and {@code P·r·S} outbound (deliveries). The optional forward collector is one more device that
 * receives every forward ({@code P·r·S} more outbound), to measure the publish-to-forward latency; it is not part of
 * the seed's formula.
 *
 * @param publishers       P, publishers in the whole test (all shards)
 * @param subscribers      S, subscribers in the whole test
 * @param ratePerPublisher r, messages per second each publisher sends
 * @param payloadSize      bytes of each published payload
 * @param qos              0 or 1 (AWS IoT has no QoS 2)
 * @param durationSeconds  length of the measured window, after every device connected
 * @param rampUpSeconds    connects are spread over this many seconds (0: as fast as the connect concurrency allows)
 * @param protocol         MQTT version
 * @param shard            this process's slice of the devices
 * @param collector        whether a collector device receives the forwards
 */
public record LoadTestPlan(int publishers, int subscribers, double ratePerPublisher, int payloadSize, int qos,
                           int durationSeconds, int rampUpSeconds, MqttProtocol protocol, Shard shard,
                           boolean collector) {
    /** Smallest payload: the fields every message carries. */
    public static final int MIN_PAYLOAD = 64;
    /** AWS IoT's largest payload, 128 KB. */
    public static final int MAX_PAYLOAD = 128 * 1024;

    /** Checks every number and names the parameter that is wrong. */
    public LoadTestPlan {
        require(publishers >= 1, "iot.loadtest.publishers must be at least 1, not " + publishers);
        require(subscribers >= 0, "iot.loadtest.subscribers must be 0 or more, not " + subscribers);
        require(ratePerPublisher > 0 && ratePerPublisher <= 1000,
                "iot.loadtest.rate must be above 0 and at most 1000 messages/s per publisher, not " + ratePerPublisher);
        require(payloadSize >= MIN_PAYLOAD && payloadSize <= MAX_PAYLOAD, "iot.loadtest.payloadSize must be "
                + MIN_PAYLOAD + " to " + MAX_PAYLOAD + " bytes, not " + payloadSize);
        require(qos == 0 || qos == 1, "iot.loadtest.qos must be 0 or 1 (AWS IoT has no QoS 2), not " + qos);
        require(durationSeconds >= 1, "iot.loadtest.duration must be at least 1 second, not " + durationSeconds);
        require(rampUpSeconds >= 0, "iot.loadtest.rampUp must be 0 or more seconds, not " + rampUpSeconds);
        require(protocol != null && shard != null, "the MQTT version and the shard are required");
    }

    /**
     * @param publishers       P
     * @param subscribers      S
     * @param ratePerPublisher r
     * @param payloadSize      bytes
     * @param qos              0 or 1
     * @param durationSeconds  measured seconds
     * @param rampUpSeconds    ramp-up seconds
     * @param mqttVersion      {@code 5} or {@code 3.1.1}
     * @param shard            {@code K/N}, or null or blank for the whole test
     * @param collector        whether a collector receives the forwards
     * @return the plan, from values as users type them
     */
    public static LoadTestPlan of(int publishers, int subscribers, double ratePerPublisher, int payloadSize, int qos,
                                  int durationSeconds, int rampUpSeconds, String mqttVersion, String shard,
                                  boolean collector) {
        return new LoadTestPlan(publishers, subscribers, ratePerPublisher, payloadSize, qos, durationSeconds,
                rampUpSeconds, MqttProtocol.parse(mqttVersion), Shard.parse(shard), collector);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }

    /** @return expected messages per second in the whole test, the seed's {@code P·(1+2S)} */
    public double expectedTotalPerSecond() {
        return publishers * ratePerPublisher * (1 + 2.0 * subscribers);
    }

    /** @return expected inbound (device to broker) messages per second: publishes and forwards */
    public double expectedInboundPerSecond() {
        return publishers * ratePerPublisher * (1.0 + subscribers);
    }

    /** @return expected outbound (broker to device) messages per second, collector excluded */
    public double expectedOutboundPerSecond() {
        return publishers * ratePerPublisher * subscribers;
    }

    /** @return outbound messages per second the collector adds (0 without a collector) */
    public double collectorPerSecond() {
        return collector && subscribers > 0 ? publishers * ratePerPublisher * subscribers : 0;
    }

    /** @return the highest publish rate of one connection: a subscriber forwards every publisher's messages */
    public double publishesPerConnection() {
        return Math.max(ratePerPublisher, subscribers > 0 ? publishers * ratePerPublisher : 0);
    }

    /** @return subscriptions each connection holds: one filter per subscriber (and for the collector) */
    public int subscriptionsPerConnection() {
        return subscribers > 0 ? 1 : 0;
    }

    /** @return devices in the whole test, the collector included */
    public int devices() {
        return publishers + subscribers + (collector && subscribers > 0 ? 1 : 0);
    }

    /** @return CONNECTs per second the ramp-up asks for (everything within one second when there is none) */
    public double connectsPerSecond() {
        return devices() / (double) Math.max(1, rampUpSeconds);
    }

    /**
     * @return messages per second this shard's devices should count in the seed's formula: its publishers' publishes,
     *         and its subscribers' deliveries and forwards (they receive from every shard's publishers)
     */
    public double shardExpectedPerSecond() {
        return (shard.share(publishers) + 2.0 * publishers * shard.share(subscribers)) * ratePerPublisher;
    }

    /** @return ids of this shard's publishers, {@code pubK} for every K the shard owns */
    public List<String> localPublishers() {
        return ids(DeviceRole.PUBLISHER, publishers);
    }

    /** @return ids of this shard's subscribers */
    public List<String> localSubscribers() {
        return ids(DeviceRole.SUBSCRIBER, subscribers);
    }

    /** @return whether this process runs the collector */
    public boolean runsCollector() {
        return collector && subscribers > 0 && shard.runsCollector();
    }

    /** @return the same plan for another shard */
    public LoadTestPlan withShard(Shard other) {
        return new LoadTestPlan(publishers, subscribers, ratePerPublisher, payloadSize, qos, durationSeconds,
                rampUpSeconds, protocol, other, collector);
    }

    private List<String> ids(DeviceRole role, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (shard.owns(i)) {
                ids.add(role.id(i));
            }
        }
        return ids;
    }

    /** @return the plan as the lines printed before a run */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Load test: %d publishers x %s msg/s, %d subscribers, %d-byte payloads, QoS %d,"
                        + " MQTT %s,"
                        + " %d s (+%d s ramp-up), shard %s", publishers, trim(ratePerPublisher), subscribers,
                payloadSize, qos, protocol.label(), durationSeconds, rampUpSeconds, shard));
        lines.add(String.format("Expected: %s msg/s in total = P*r*(1+2S); inbound %s msg/s, outbound %s msg/s%s",
                trim(expectedTotalPerSecond()), trim(expectedInboundPerSecond()), trim(expectedOutboundPerSecond()),
                collectorPerSecond() > 0 ? " (+" + trim(collectorPerSecond()) + " msg/s to the forward collector)"
                        : ""));
        lines.add(String.format("Per connection: up to %s publishes/s, %d subscription(s); %s CONNECTs/s during"
                + " ramp-up", trim(publishesPerConnection()), subscriptionsPerConnection(),
                trim(connectsPerSecond())));
        return lines;
    }

    static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.2f", value);
    }
}
