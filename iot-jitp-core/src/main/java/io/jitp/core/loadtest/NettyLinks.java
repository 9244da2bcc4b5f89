package io.jitp.core.loadtest;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Device links on Netty directly ({@link NettyMqttLink}): one event-loop group for the whole run, on the native epoll
 * transport when its library loads (else NIO, as {@link NettyTransport#name()} says), with TLS by Netty's default
 * engine for clients (BoringSSL when netty-tcnative loads, as {@link NettyTransport#tls()} says).
 */
final class NettyLinks implements DeviceLinks {
    private static final long QUIET_PERIOD_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final LinkSettings settings;
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;

    NettyLinks(LinkSettings settings, int threads) {
        this.settings = settings;
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("loadtest-netty", true);
        if (Epoll.isAvailable()) {
            this.group = new EpollEventLoopGroup(threads, threadFactory);
            this.channelType = EpollSocketChannel.class;
        } else {
            this.group = new NioEventLoopGroup(threads, threadFactory);
            this.channelType = NioSocketChannel.class;
        }
    }

    /** Each link keeps to one event loop of the group, so that its state is only ever touched by that thread. */
    @Override
    public DeviceLink link(String id, DeviceKeyManager keys, String topic, DeviceLink.Events events) {
        return new NettyMqttLink(id, topic, settings, (EventLoop) group.next(), channelType, () -> tls(keys), events);
    }

    /** @return a TLS context presenting the device's certificate and trusting the broker's CAs */
    private SslContext tls(DeviceKeyManager keys) {
        try {
            return SslContextBuilder.forClient().keyManager(keys.factory()).trustManager(settings.trust()).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot build the device's TLS context", e);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
    }
}
