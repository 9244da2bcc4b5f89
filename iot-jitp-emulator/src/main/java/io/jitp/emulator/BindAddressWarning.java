package io.jitp.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The stand-in accepts any client of its one account and answers with real certificates and keys: reachable from
 * another machine, anyone there could provision devices or read its state. Loopback is the default; any other bind
 * address earns a loud warning.
 */
final class BindAddressWarning {
    private BindAddressWarning() {
    }

    /**
     * @param bindAddress the configured listen address
     * @return the warning to show, or empty for a loopback address
     */
    static Optional<String> of(String bindAddress) {
        try {
            if (InetAddress.getByName(bindAddress).isLoopbackAddress()) {
                return Optional.empty();
            }
        } catch (UnknownHostException e) {
            // Not resolvable: the bind itself will fail and say so; warn anyway.
        }
        return Optional.of("WARNING: the stand-in listens on " + bindAddress + ", not on loopback only: other"
                + " machines can reach its control plane (one shared secret), its MQTT broker and its queues. It is a"
                + " test double with no protection meant for a network; bind it to 127.0.0.1 (--bind 127.0.0.1)"
                + " unless every machine that can reach " + bindAddress + " is trusted.");
    }
}
