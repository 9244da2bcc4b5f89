package io.jitp.core.loadtest;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One TLS connection of a {@link NettyMqttLink}, from the TCP connect to the close, as the last handler of its
 * {@link MqttPipeline}: CONNECT once TLS is up, CONNACK, SUBSCRIBE/SUBACK, QoS 0 and 1 publishes both ways, keep-alive
 * and the report of how it ended. Everything here runs on the link's event loop, so nothing is locked.
 *
 * <p>Flushing: a packet written while the connection is handling a read (the PUBACK of a delivery, a subscriber's
 * forward) is only flushed when that read batch is done ({@code channelReadComplete}), so the packets one read causes
 * leave together, in as few TLS records and {@code write} calls as they fit; a packet written at any other time (a
 * publisher's timer) is flushed at once.
 */
final class MqttConnection extends ChannelInboundHandlerAdapter {
    /** Seconds, as the HiveMQ links ask for; a broker may set another in its MQTT 5 CONNACK. */
    static final int KEEP_ALIVE_SECONDS = 60;
    private static final long CONNACK_TIMEOUT_SECONDS = 30;
    /** Keep-alive checks run twice a period: three silent ones are the 1.5 periods after which MQTT gives up. */
    private static final int SILENT_CHECKS_BEFORE_CLOSE = 3;
    private static final int NO_LIMIT = 0xFFFF;
    private static final Object PUBLISH = "QoS 1 publish";

    private final MqttPackets packets;
    private final DeviceLink.Events events;
    private final CompletableFuture<Void> connAck;
    private final Consumer<MqttConnection> onClosed;
    private final PacketIds ids = new PacketIds();
    private final PublishCredit credit = new PublishCredit();
    private Consumer<ByteBuffer> receiver;
    private ChannelHandlerContext ctx;
    private boolean handshaken;
    private boolean connected;
    private boolean reading;
    private boolean unflushed;
    private boolean wrote;
    private boolean heard;
    private int silentChecks;
    private Throwable cause;
    private CompletableFuture<Void> disconnecting;
    private ScheduledFuture<?> keepAlive;

    /**
     * @param packets  the device's packets
     * @param events   where losses and failed publishes go
     * @param connAck  completed at the CONNACK, or exceptionally if the connection ends before a successful one
     * @param onClosed told once the connection is closed, after everything in flight has been failed
     */
    MqttConnection(MqttPackets packets, DeviceLink.Events events, CompletableFuture<Void> connAck,
                   Consumer<MqttConnection> onClosed) {
        this.packets = packets;
        this.events = events;
        this.connAck = connAck;
        this.onClosed = onClosed;
    }

    /** @return whether the broker accepted the CONNECT and the connection is still open */
    boolean connected() {
        return connected;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                failedWith(handshake.cause());
                return;
            }
            handshaken = true;
            send(packets.connect(KEEP_ALIVE_SECONDS));
            context.executor().schedule(() -> {
                if (!connAck.isDone()) {
                    failedWith(new IOException("No CONNACK within " + CONNACK_TIMEOUT_SECONDS + " s"));
                }
            }, CONNACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        heard = true;
        reading = true;
        try {
            MqttMessage packet = (MqttMessage) message;
            if (packet.decoderResult().isFailure()) {
                failedWith(packet.decoderResult().cause());
                return;
            }
            switch (packet.fixedHeader().messageType()) {
                case CONNACK -> connAcked((MqttConnAckMessage) packet);
                case PUBLISH -> received((MqttPublishMessage) packet);
                case PUBACK -> acknowledged(packet);
                case SUBACK -> subscribed((MqttSubAckMessage) packet);
                case DISCONNECT -> failedWith(new IOException("The broker sent DISCONNECT " + packet.variableHeader()));
                default -> {
                    // PINGRESP: hearing it is all that counts. Nothing else is due to a client that only subscribes
                    // at QoS 0 or 1.
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        reading = false;
        if (unflushed) {
            unflushed = false;
            context.flush();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable failure) {
        failedWith(failure);
    }

    private void failedWith(Throwable failure) {
        if (cause == null) {
            cause = failure;
        }
        ctx.close();
    }

    private void connAcked(MqttConnAckMessage ack) {
        int code = ack.variableHeader().connectReturnCode().byteValue() & 0xFF;
        if (code != 0) {
            connAck.completeExceptionally(new DeviceLink.ConnectRefusedException(code));
            ctx.close();
            return;
        }
        MqttProperties properties = ack.variableHeader().properties();
        credit.limit(intProperty(properties, MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM, NO_LIMIT));
        long checkMillis = intProperty(properties, MqttProperties.MqttPropertyType.SERVER_KEEP_ALIVE,
                KEEP_ALIVE_SECONDS) * 1000L / 2;
        if (checkMillis > 0) {
            keepAlive = ctx.executor().scheduleAtFixedRate(this::keepAlive, checkMillis, checkMillis,
                    TimeUnit.MILLISECONDS);
        }
        connected = true;
        connAck.complete(null);
    }

    private static int intProperty(MqttProperties properties, MqttProperties.MqttPropertyType type, int absent) {
        MqttProperties.MqttProperty<?> property = properties.getProperty(type.value());
        return property != null && property.value() instanceof Integer value ? value : absent;
    }

    /** Sends a PINGREQ if nothing was sent for half a period; closes if the broker was silent for 1.5 periods. */
    private void keepAlive() {
        if (heard) {
            silentChecks = 0;
        } else if (++silentChecks >= SILENT_CHECKS_BEFORE_CLOSE) {
            failedWith(new IOException("Nothing from the broker for 1.5 keep-alive periods"));
            return;
        }
        heard = false;
        if (!wrote) {
            send(MqttMessage.PINGREQ);
        }
        wrote = false;
    }

    /** @param payload sent now at QoS 0, or at QoS 1 when the broker's Receive Maximum allows */
    void publish(byte[] payload) {
        if (!packets.acknowledged()) {
            send(packets.publish(0, payload));
        } else if (credit.take(payload)) {
            send(packets.publish(ids.acquire(PUBLISH), payload));
        }
    }

    private void acknowledged(MqttMessage ack) {
        Object header = ack.variableHeader();
        if (ids.release(((MqttMessageIdVariableHeader) header).messageId()) != PUBLISH) {
            return;
        }
        if (header instanceof MqttPubReplyMessageVariableHeader reply && (reply.reasonCode() & 0xFF) >= 0x80) {
            events.publishFailed(new IllegalStateException("PUBACK with reason code 0x"
                    + Integer.toHexString(reply.reasonCode() & 0xFF)));
        }
        byte[] next = credit.returned();
        if (next != null) {
            send(packets.publish(ids.acquire(PUBLISH), next));
        }
    }

    private void received(MqttPublishMessage publish) {
        if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            send(MqttPackets.pubAck(publish.variableHeader().packetId()));
        }
        if (receiver != null) {
            receiver.accept(publish.payload().nioBuffer().asReadOnlyBuffer());
        }
    }

    /**
     * @param filter  topic filter
     * @param handler gets every message received from now on (a link has one subscription: the generator's)
     * @param done    completed at the SUBACK, exceptionally if the broker refused
     */
    void subscribe(String filter, Consumer<ByteBuffer> handler, CompletableFuture<Void> done) {
        receiver = handler;
        send(packets.subscribe(ids.acquire(new Subscription(filter, done)), filter));
    }

    private void subscribed(MqttSubAckMessage ack) {
        if (!(ids.release(ack.variableHeader().messageId()) instanceof Subscription subscription)) {
            return;
        }
        for (int code : ack.payload().reasonCodes()) {
            if (code >= 0x80) {
                subscription.done.completeExceptionally(new IllegalStateException("Subscription to "
                        + subscription.filter + " refused with code 0x" + Integer.toHexString(code)));
                return;
            }
        }
        subscription.done.complete(null);
    }

    /** @param done completed once closed: after a DISCONNECT if connected, at once otherwise */
    void disconnect(CompletableFuture<Void> done) {
        if (disconnecting != null) {
            disconnecting.whenComplete((ok, failure) -> done.complete(null));
            return;
        }
        disconnecting = done;
        if (connected) {
            ctx.writeAndFlush(MqttMessage.DISCONNECT).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void send(Object packet) {
        ctx.write(packet, ctx.voidPromise());
        wrote = true;
        if (reading) {
            unflushed = true;
        } else {
            ctx.flush();
        }
    }

    /**
     * The channel is closed (by either side, or it never connected). Unless we ended it ({@link #disconnect}: the
     * caller chose to stop), fails the publishes still unacknowledged or waiting, then reports the loss of an
     * accepted connection.
     *
     * @param connectFailure why the TCP connect failed, or null
     */
    void closed(Throwable connectFailure) {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        Throwable why = cause != null ? cause : connectFailure;
        boolean wasConnected = connected;
        connected = false;
        if (!connAck.isDone()) {
            // Once TLS is up, a close before the CONNACK is the broker's answer to the CONNECT (AWS's JITP drop).
            connAck.completeExceptionally(handshaken || why == null
                    ? new DeviceLink.ConnectionLostException("Connection closed before the CONNACK", why) : why);
        }
        DeviceLink.ConnectionLostException lost = new DeviceLink.ConnectionLostException(disconnecting != null
                ? "Disconnected" : "Connection lost", why);
        int cutOff = failInFlight(lost);
        onClosed.accept(this);
        if (disconnecting != null) {
            disconnecting.complete(null);
            return;
        }
        for (int i = 0; i < cutOff; i++) {
            events.publishFailed(lost);
        }
        if (wasConnected) {
            events.lost();
        }
    }

    /** @return how many publishes were unacknowledged or waiting; pending subscriptions fail with the loss */
    private int failInFlight(DeviceLink.ConnectionLostException lost) {
        int cutOff = credit.dropWaiting();
        for (Object owner : ids.releaseAll()) {
            if (owner instanceof Subscription subscription) {
                subscription.done.completeExceptionally(lost);
            } else {
                cutOff++;
            }
        }
        return cutOff;
    }

    private record Subscription(String filter, CompletableFuture<Void> done) {
    }
}
