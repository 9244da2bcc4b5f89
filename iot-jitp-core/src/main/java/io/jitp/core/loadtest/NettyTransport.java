package io.jitp.core.loadtest;

/**
 * Which Netty transport the HiveMQ client uses: it picks the native epoll transport when
 * {@code io.netty.channel.epoll.Epoll} is on the classpath and its native library loads (Linux; the plugin brings
 * {@code netty-transport-native-epoll} for x86-64 and ARM), else Java NIO. Epoll is edge-triggered and skips NIO's
 * selected-key bookkeeping, which matters at tens of thousands of small reads and writes a second.
 */
final class NettyTransport {
    private NettyTransport() {
    }

    /** @return {@code epoll} or {@code nio}, as the client will choose */
    static String name() {
        try {
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            return Boolean.TRUE.equals(epoll.getMethod("isAvailable").invoke(null)) ? "epoll" : "nio";
        } catch (ReflectiveOperationException | LinkageError e) {
            return "nio";
        }
    }
}
