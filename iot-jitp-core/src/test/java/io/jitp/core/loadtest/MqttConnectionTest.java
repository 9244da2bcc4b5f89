package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link MqttConnection}'s protocol decisions, on an embedded channel (decoded packets in, packets out, time under
 * the test's control): what a close before the CONNACK means, the broker's Receive Maximum, PUBACK and SUBACK error
 * codes, one flush per read batch, and keep-alive.
 */
class MqttConnectionTest {
    private final RecordingEvents events = new RecordingEvents();
    private final CompletableFuture<Void> connAck = new CompletableFuture<>();
    private final MqttConnection connection = new MqttConnection(
            new MqttPackets(MqttProtocol.V5, "pub0", "loadtest/pub0", 1), events, connAck, closed -> { });
    private final BrokerSideDecoder broker = new BrokerSideDecoder(MqttProtocol.V5);
    private int flushes;
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }, connection);

    MqttConnectionTest() {
        channel.closeFuture().addListener(closed -> connection.closed(null));
        channel.freezeTime();
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        assertInstanceOf(MqttConnectMessage.class, channel.readOutbound(), "CONNECT once TLS is up");
    }

    @Test
    void aCloseAfterTlsButBeforeTheConnAckIsAConnectionLossNotAnError() {
        channel.close();
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                connAck::join);
        assertInstanceOf(DeviceLink.ConnectionLostException.class, failure.getCause(),
                "what the Connector counts as AWS's JITP drop");
        assertEquals(0, events.losses.get(), "never connected: no loss to report");
    }

    @Test
    void noMoreQos1PublishesAreUnacknowledgedThanTheBrokersReceiveMaximum() {
        accept(MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .properties(properties -> properties.receiveMaximum(10)).build());
        for (int i = 0; i < 15; i++) {
            connection.publish(new byte[] {(byte) i});
        }
        List<int[]> sent = drainPublishes();
        assertEquals(10, sent.size());
        channel.writeInbound(pubAck(sent.get(0)[0], (byte) 0));
        List<int[]> next = drainPublishes();
        assertEquals(1, next.size(), "one acknowledgement lets one waiting publish go");
        assertEquals(10, next.get(0)[1], "in order");
        channel.writeInbound(pubAck(sent.get(1)[0], (byte) 0x97));
        assertEquals(1, events.failures.size());
        assertFalse(events.failures.get(0) instanceof DeviceLink.ConnectionLostException,
                "an error reason code is an error, not a cut-off: " + events.failures.get(0));
        assertEquals(1, drainPublishes().size(), "a refused publish returns its credit too");
        channel.close();
        assertEquals(1 + 13, events.failures.size(), "8 unacknowledged and 5 waiting are cut off at the loss");
        assertEquals(1, events.losses.get());
    }

    @Test
    void aRefusedSubscriptionCompletesExceptionally() {
        connected();
        CompletableFuture<Void> granted = new CompletableFuture<>();
        CompletableFuture<Void> refused = new CompletableFuture<>();
        connection.subscribe("loadtest/+", payload -> { }, granted);
        connection.subscribe("elsewhere/#", payload -> { }, refused);
        MqttSubscribeMessage first = channel.readOutbound();
        MqttSubscribeMessage second = channel.readOutbound();
        channel.writeInbound(subAck(first.idAndPropertiesVariableHeader().messageId(), 1),
                subAck(second.idAndPropertiesVariableHeader().messageId(), 0x87));
        assertNull(granted.join());
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                refused::join);
        assertTrue(failure.getCause().getMessage().contains("elsewhere/# refused with code 0x87"),
                failure.getCause().toString());
    }

    @Test
    void thePacketsOneReadCausesAreFlushedOnceAndATimersPublishAtOnce() {
        connected();
        List<Integer> delivered = new ArrayList<>();
        connection.subscribe("loadtest/+", payload -> {
            delivered.add((int) payload.get(0));
            connection.publish(new byte[] {payload.get(0)});
        }, new CompletableFuture<>());
        channel.readOutbound();
        int before = flushes;
        channel.writeInbound(delivery(1), delivery(2), delivery(3));
        assertEquals(List.of(1, 2, 3), delivered);
        assertEquals(before + 1, flushes, "three PUBACKs and three forwards, one flush");
        int forwards = 0;
        for (Object packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            MqttMessage sent = broker.decode((ByteBuf) packet);
            forwards += sent.fixedHeader().messageType() == MqttMessageType.PUBLISH ? 1 : 0;
            ReferenceCountUtil.release(sent);
        }
        assertEquals(3, forwards, "and three PUBACKs");
        connection.publish(new byte[] {9});
        assertEquals(before + 2, flushes, "outside a read, a publish is flushed at once");
    }

    @Test
    void aQuietConnectionPingsAndOneWhoseBrokerFellSilentIsClosedAsLost() {
        connected();
        channel.advanceTimeBy(MqttConnection.KEEP_ALIVE_SECONDS / 2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertNull(channel.readOutbound(), "the CONNECT went out in this half period: no PINGREQ yet");
        channel.advanceTimeBy(MqttConnection.KEEP_ALIVE_SECONDS / 2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertSame(MqttMessage.PINGREQ, channel.readOutbound());
        for (int halfPeriods = 0; halfPeriods < 3; halfPeriods++) {
            channel.advanceTimeBy(MqttConnection.KEEP_ALIVE_SECONDS / 2, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
        assertFalse(channel.isOpen(), "nothing from the broker for 1.5 keep-alive periods");
        assertEquals(1, events.losses.get());
    }

    private void connected() {
        accept(MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED).build());
    }

    private void accept(MqttMessage connAckPacket) {
        channel.writeInbound(connAckPacket);
        assertNull(connAck.join());
        assertTrue(connection.connected());
    }

    /** @return packet id and first payload byte of each publish sent since the last call */
    private List<int[]> drainPublishes() {
        List<int[]> publishes = new ArrayList<>();
        for (Object packet = channel.readOutbound(); packet != null; packet = channel.readOutbound()) {
            MqttPublishMessage publish = (MqttPublishMessage) broker.decode((ByteBuf) packet);
            publishes.add(new int[] {publish.variableHeader().packetId(), publish.payload().getByte(0)});
            publish.release();
        }
        return publishes;
    }

    private static MqttMessage pubAck(int packetId, byte reasonCode) {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, reasonCode, MqttProperties.NO_PROPERTIES));
    }

    private static MqttSubAckMessage subAck(int packetId, int code) {
        return new MqttSubAckMessage(new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false,
                0), MqttMessageIdVariableHeader.from(packetId), new MqttSubAckPayload(code));
    }

    private static MqttPublishMessage delivery(int value) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE,
                false, 0), new MqttPublishVariableHeader("loadtest/pub0", value, MqttProperties.NO_PROPERTIES),
                Unpooled.wrappedBuffer(new byte[] {(byte) value}));
    }
}
