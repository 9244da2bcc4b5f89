package io.jitp.core.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

import java.nio.charset.StandardCharsets;

/**
 * The packets one device sends. CONNECT and SUBSCRIBE go to Netty's MQTT encoder as messages; the two sent per
 * message, PUBLISH and PUBACK, are written here straight into one heap array each, from a topic encoded once per
 * device — measured, Netty's encoder cost two pooled buffers per MQTT 5 publish (one for its empty properties), each
 * allocation sampled by Netty's leak detector, where an array costs a bump of the thread's allocation pointer; the
 * TLS handler copies a flush's packets into one buffer anyway.
 */
final class MqttPackets {
    private static final int PUBLISH = 0x30;
    private static final int PUBACK = 0x40;
    private static final int MAX_LENGTH_BYTES = 4;

    private final MqttVersion version;
    private final String clientId;
    private final MqttQoS qos;
    /** Topic length and topic, as every PUBLISH of this device carries them. */
    private final byte[] topicField;
    private final int fixedHeader;
    /** Packet identifier (QoS 1) and, in MQTT 5, the empty properties' length. */
    private final int afterTopic;

    /**
     * @param protocol MQTT version
     * @param clientId the device's client id
     * @param topic    the one topic it publishes to
     * @param qos      0 or 1
     */
    MqttPackets(MqttProtocol protocol, String clientId, String topic, int qos) {
        this.version = protocol == MqttProtocol.V5 ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1;
        this.clientId = clientId;
        this.qos = MqttQoS.valueOf(qos);
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        this.topicField = new byte[2 + name.length];
        topicField[0] = (byte) (name.length >> 8);
        topicField[1] = (byte) name.length;
        System.arraycopy(name, 0, topicField, 2, name.length);
        this.fixedHeader = PUBLISH | qos << 1;
        this.afterTopic = (qos > 0 ? 2 : 0) + (protocol == MqttProtocol.V5 ? 1 : 0);
    }

    /** @return whether publishes need a packet identifier and an acknowledgement */
    boolean acknowledged() {
        return qos != MqttQoS.AT_MOST_ONCE;
    }

    /** @return a clean-start CONNECT (the encoder also tells the decoder the version from it) */
    MqttConnectMessage connect(int keepAliveSeconds) {
        return MqttMessageBuilders.connect().protocolVersion(version).clientId(clientId).cleanSession(true)
                .keepAlive(keepAliveSeconds).build();
    }

    /**
     * @param packetId 1..65535 at QoS 1, ignored at QoS 0
     * @param payload  the message
     * @return the whole PUBLISH packet
     */
    ByteBuf publish(int packetId, byte[] payload) {
        int remaining = topicField.length + afterTopic + payload.length;
        byte[] packet = new byte[1 + lengthBytes(remaining) + remaining];
        packet[0] = (byte) fixedHeader;
        int at = writeLength(packet, 1, remaining);
        System.arraycopy(topicField, 0, packet, at, topicField.length);
        at += topicField.length;
        if (acknowledged()) {
            packet[at++] = (byte) (packetId >> 8);
            packet[at++] = (byte) packetId;
        }
        if (version == MqttVersion.MQTT_5) {
            packet[at++] = 0;
        }
        System.arraycopy(payload, 0, packet, at, payload.length);
        return Unpooled.wrappedBuffer(packet);
    }

    /** @return the acknowledgement of a received QoS 1 publish (success: the short form, in both versions) */
    static ByteBuf pubAck(int packetId) {
        return Unpooled.wrappedBuffer(new byte[] {PUBACK, 2, (byte) (packetId >> 8), (byte) packetId});
    }

    MqttSubscribeMessage subscribe(int packetId, String filter) {
        return MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(qos, filter).build();
    }

    /** MQTT's Remaining Length: 7 bits a byte, least significant first, the high bit saying another follows. */
    private static int lengthBytes(int length) {
        int bytes = 1;
        for (int rest = length >>> 7; rest > 0 && bytes < MAX_LENGTH_BYTES; rest >>>= 7) {
            bytes++;
        }
        return bytes;
    }

    private static int writeLength(byte[] packet, int from, int length) {
        int at = from;
        int rest = length;
        do {
            int digit = rest & 0x7F;
            rest >>>= 7;
            packet[at++] = (byte) (rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        return at;
    }
}
