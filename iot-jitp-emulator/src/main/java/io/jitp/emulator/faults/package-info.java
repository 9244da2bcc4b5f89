/**
 * Faults the stand-in injects on purpose ({@code --faults}): throttling, 5xx errors, slow answers and dropped HTTP or
 * MQTT connections, by probability or every Nth request, deterministic for a given seed, so that clients' retries can
 * be tested against the real wire protocols.
 */
package io.jitp.emulator.faults;
