package io.jitp.core.loadtest;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One device connection's pipeline: TLS with the device's certificate (SNI, and the server certificate checked
 * against the broker's host name, as the HiveMQ client does), Netty's MQTT decoder and encoder, then the
 * connection's own handler.
 */
final class MqttPipeline extends ChannelInitializer<SocketChannel> {
    /** AWS IoT's largest message is 128 KB; room for that and its headers. */
    private static final int MAX_PACKET_BYTES = 256 * 1024;

    private final SslContext tls;
    private final BrokerAddress broker;
    private final MqttConnection connection;

    MqttPipeline(SslContext tls, BrokerAddress broker, MqttConnection connection) {
        this.tls = tls;
        this.broker = broker;
        this.connection = connection;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        SslHandler ssl = tls.newHandler(channel.alloc(), broker.host(), broker.port());
        SSLEngine engine = ssl.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        channel.pipeline().addLast(ssl, new MqttDecoder(MAX_PACKET_BYTES), MqttEncoder.INSTANCE, connection);
    }
}
