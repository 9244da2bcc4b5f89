/**
 * The device side of MQTT: mutual TLS from PEM files (SNI always, ALPN {@code x-amzn-mqtt-ca} on demand), Paho MQTT 5
 * and 3.1.1 clients behind one {@link io.jitp.core.mqtt.DeviceClient} interface, the JITP-aware connect
 * ({@link io.jitp.core.mqtt.JitpConnector}), and the seed's {@code pub} and {@code sub}.
 */
package io.jitp.core.mqtt;
