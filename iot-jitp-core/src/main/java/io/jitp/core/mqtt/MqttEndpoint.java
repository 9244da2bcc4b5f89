package io.jitp.core.mqtt;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how devices connect: the data endpoint, the server certificates they trust, the protocol version.
 *
 * @param host         data endpoint host name; also the TLS server name (SNI) and the name checked in the server
 *                     certificate
 * @param port         8883, or 443 with {@code alpn}
 * @param alpn         offer ALPN {@value #ALPN_PROTOCOL}, which AWS requires for MQTT on port 443
 * @param trustAnchors certificates the server certificate must chain to (Amazon Root CAs, or the stand-in's root)
 * @param version      the MQTT version
 * @param timeout      bound on each network operation (connect, subscribe, publish)
 */
public record MqttEndpoint(String host, int port, boolean alpn, List<X509Certificate> trustAnchors,
                           MqttVersion version, Duration timeout) {
    /** The ALPN protocol AWS IoT expects for MQTT with client certificates on port 443. */
    public static final String ALPN_PROTOCOL = "x-amzn-mqtt-ca";

    /** Validates and copies. */
    public MqttEndpoint {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("MQTT port out of range: " + port);
        }
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** @param other the version to speak @return this endpoint with another MQTT version */
    public MqttEndpoint withVersion(MqttVersion other) {
        return new MqttEndpoint(host, port, alpn, trustAnchors, other, timeout);
    }

    /** @param otherPort the port @param withAlpn whether to offer ALPN @return this endpoint on another port */
    public MqttEndpoint withPort(int otherPort, boolean withAlpn) {
        return new MqttEndpoint(host, otherPort, withAlpn, trustAnchors, version, timeout);
    }

    /** @return {@code host:port} with the ALPN and MQTT version, for logs */
    public String describe() {
        return host + ":" + port + (alpn ? " (ALPN " + ALPN_PROTOCOL + ")" : "") + ", MQTT " + version.label();
    }
}
