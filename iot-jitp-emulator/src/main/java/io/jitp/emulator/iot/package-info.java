/**
 * The IoT control plane's registry (CAs, certificates, things, policies, topic rules) and its AWS error shape.
 * The registry is shared by the REST API, the JITP template runner and the MQTT broker.
 */
package io.jitp.emulator.iot;
