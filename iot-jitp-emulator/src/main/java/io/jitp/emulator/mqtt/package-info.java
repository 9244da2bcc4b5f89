/**
 * The stand-in's MQTT data plane: HiveMQ CE embedded behind mutual TLS, with JITP on CONNECT and AWS IoT
 * policy enforcement per CONNECT, PUBLISH, SUBSCRIBE and delivery.
 */
package io.jitp.emulator.mqtt;
