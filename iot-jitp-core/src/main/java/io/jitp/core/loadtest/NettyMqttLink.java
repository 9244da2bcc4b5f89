package io.jitp.core.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A device link on Netty directly, with Netty's MQTT codec and only what the generator needs: no reactive pipeline,
 * no future per message, and the caller's handler run on the event loop as the message is read. Every connection of
 * the link runs on the same event loop ({@link NettyLinks}), and all of the link's state is touched on that thread
 * only: calls from other threads hand their work to it, calls on it (the publishers' timers, a subscriber's forwards)
 * run at once. Each connection is an {@link MqttConnection}; the link connects again after a refusal or a loss.
 */
final class NettyMqttLink implements DeviceLink {
    private static final int TCP_CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String id;
    private final LinkSettings settings;
    private final MqttPackets packets;
    private final EventLoop loop;
    private final Class<? extends SocketChannel> channelType;
    private final Supplier<SslContext> tlsMaker;
    private final Events events;
    /** Made at the first connect, off the event loop, and kept for reconnects. */
    private volatile SslContext tls;
    /** The current connection, from the TCP connect until it is closed; event loop only. */
    private MqttConnection connection;

    /**
     * @param id          client id
     * @param topic       the one topic it publishes to
     * @param settings    broker, version, QoS
     * @param loop        the event loop every connection of this link runs on
     * @param channelType epoll or NIO, matching the loop
     * @param tlsMaker    makes the device's TLS context
     * @param events      where losses and failed publishes go
     */
    NettyMqttLink(String id, String topic, LinkSettings settings, EventLoop loop,
                  Class<? extends SocketChannel> channelType, Supplier<SslContext> tlsMaker, Events events) {
        this.id = id;
        this.settings = settings;
        this.packets = new MqttPackets(settings.protocol(), id, topic, settings.qos());
        this.loop = loop;
        this.channelType = channelType;
        this.tlsMaker = tlsMaker;
        this.events = events;
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        try {
            if (tls == null) {
                tls = tlsMaker.get();
            }
            // Resolved here, on the caller's thread: a DNS lookup must never block the event loop.
            InetSocketAddress address = new InetSocketAddress(settings.broker().host(), settings.broker().port());
            loop.execute(() -> open(address, connected));
        } catch (RuntimeException e) {
            connected.completeExceptionally(e);
        }
        return connected;
    }

    private void open(InetSocketAddress address, CompletableFuture<Void> connected) {
        if (connection != null) {
            connected.completeExceptionally(new IllegalStateException(id + " is already connected or connecting"));
            return;
        }
        MqttConnection next = new MqttConnection(packets, events, connected, this::forget);
        connection = next;
        ChannelFuture connecting = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TCP_CONNECT_TIMEOUT_MILLIS)
                .handler(new MqttPipeline(tls, settings.broker(), next))
                .connect(address);
        // A failed connect fails the promise before it closes the channel: the close then knows why.
        connecting.channel().closeFuture().addListener(closed -> next.closed(connecting.cause()));
    }

    private void forget(MqttConnection closed) {
        if (connection == closed) {
            connection = null;
        }
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, Consumer<ByteBuffer> handler) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            if (connection == null || !connection.connected()) {
                done.completeExceptionally(notConnected());
            } else {
                connection.subscribe(filter, handler, done);
            }
        }, done);
        return done;
    }

    @Override
    public void publish(byte[] payload) {
        if (loop.inEventLoop()) {
            publishNow(payload);
        } else {
            onLoop(() -> publishNow(payload), null);
        }
    }

    private void publishNow(byte[] payload) {
        if (connection == null || !connection.connected()) {
            events.publishFailed(notConnected());
        } else {
            connection.publish(payload);
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            if (connection == null) {
                done.complete(null);
            } else {
                connection.disconnect(done);
            }
        }, done);
        return done;
    }

    /** Runs the task on the link's event loop; if that loop is shut down, fails the future (if any) instead. */
    private void onLoop(Runnable task, CompletableFuture<?> failOnRejection) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException shutDown) {
            if (failOnRejection != null) {
                failOnRejection.completeExceptionally(shutDown);
            } else {
                events.publishFailed(shutDown);
            }
        }
    }

    private ConnectionLostException notConnected() {
        return new ConnectionLostException(id + " is not connected", null);
    }
}
