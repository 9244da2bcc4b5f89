package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

/**
 * The PUBLISH and PUBACK packets {@link MqttPackets} writes by hand are what Netty's MQTT decoder — a broker's view —
 * reads back: topic, QoS, packet identifier and payload, in both versions, with payload sizes whose Remaining Length
 * takes one, two and three bytes.
 */
class MqttPacketsTest {
    @ParameterizedTest(name = "MQTT {0}, QoS {1}, {2}-byte payload")
    @CsvSource({"V5, 1, 100", "V5, 0, 100", "V3_1_1, 1, 100", "V3_1_1, 0, 100", "V5, 1, 0", "V5, 1, 200",
            "V3_1_1, 0, 20000", "V5, 1, 131072"})
    void aPublishIsReadBackAsSent(MqttProtocol protocol, int qos, int size) {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        MqttPackets packets = new MqttPackets(protocol, "pub7", "loadtest/pub7", qos);
        try (BrokerSideDecoder broker = new BrokerSideDecoder(protocol)) {
            MqttPublishMessage publish = (MqttPublishMessage) broker.decode(packets.publish(0xBEEF, payload));
            try {
                assertEquals("loadtest/pub7", publish.variableHeader().topicName());
                assertEquals(MqttQoS.valueOf(qos), publish.fixedHeader().qosLevel());
                assertEquals(qos == 1 ? 0xBEEF : -1, publish.variableHeader().packetId());
                assertArrayEquals(payload, ByteBufUtil.getBytes(publish.payload()));
            } finally {
                publish.release();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void aPubAckCarriesThePacketIdentifier(MqttProtocol protocol) {
        try (BrokerSideDecoder broker = new BrokerSideDecoder(protocol)) {
            MqttMessage ack = broker.decode(MqttPackets.pubAck(65535));
            assertEquals(MqttMessageType.PUBACK, ack.fixedHeader().messageType());
            assertEquals(65535, ((MqttMessageIdVariableHeader) ack.variableHeader()).messageId());
        }
    }
}
