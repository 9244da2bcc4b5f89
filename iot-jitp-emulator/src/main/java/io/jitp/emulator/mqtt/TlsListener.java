package io.jitp.emulator.mqtt;

/**
 * One TLS listener of the embedded HiveMQ.
 *
 * @param name        listener name (HiveMQ logs it)
 * @param bindAddress address to bind
 * @param port        port to bind
 */
record TlsListener(String name, String bindAddress, int port) {
}
