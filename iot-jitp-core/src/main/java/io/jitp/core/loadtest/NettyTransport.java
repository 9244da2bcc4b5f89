package io.jitp.core.loadtest;

import io.netty.handler.ssl.OpenSsl;

/**
 * Which Netty transport and TLS engine the HiveMQ client uses. Transport: the native epoll transport when
 * {@code io.netty.channel.epoll.Epoll} is on the classpath and its native library loads (Linux; the plugin brings
 * {@code netty-transport-native-epoll} for x86-64 and ARM), else Java NIO. Epoll is edge-triggered and skips NIO's
 * selected-key bookkeeping, which matters at tens of thousands of small reads and writes a second. TLS: the client
 * builds its Netty {@code SslContext} without naming a provider, so Netty takes OpenSSL (BoringSSL from
 * {@code netty-tcnative-boringssl-static}, which the plugin brings) when its native library loads, else the JDK's
 * {@code SSLEngine}.
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

    /** @return the TLS engine the client's connections use: the native library's name (BoringSSL) or {@code JDK} */
    static String tls() {
        try {
            return OpenSsl.isAvailable() ? OpenSsl.versionString().split(" ")[0] : "JDK";
        } catch (LinkageError e) {
            return "JDK";
        }
    }
}
