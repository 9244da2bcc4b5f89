package io.jitp.core.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * Reads what a client sends as a broker would, with Netty's MQTT decoder: primed with a CONNECT of the client's
 * version, since an MQTT 5 PUBLISH differs from a 3.1.1 one (its properties) and a broker learns the version from
 * the CONNECT. For tests of the bytes the link writes itself.
 */
final class BrokerSideDecoder implements AutoCloseable {
    /** AWS IoT's largest message, 128 KB, with room for its headers. */
    private static final int MAX_PACKET_BYTES = 256 * 1024;

    private final EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(MAX_PACKET_BYTES));

    BrokerSideDecoder(MqttProtocol protocol) {
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        encoder.writeOutbound(MqttMessageBuilders.connect().clientId("decoder").protocolVersion(
                protocol == MqttProtocol.V5 ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1).build());
        channel.writeInbound((ByteBuf) encoder.readOutbound());
        channel.readInbound();
        encoder.finishAndReleaseAll();
    }

    /**
     * @param packet one packet's bytes (released here)
     * @return the packet as decoded, which the caller releases
     */
    MqttMessage decode(ByteBuf packet) {
        channel.writeInbound(packet);
        MqttMessage message = channel.readInbound();
        if (message.decoderResult().isFailure()) {
            throw new AssertionError("Not a valid MQTT packet", message.decoderResult().cause());
        }
        return message;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
