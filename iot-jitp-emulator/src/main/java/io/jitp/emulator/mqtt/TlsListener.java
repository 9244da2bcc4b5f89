package io.jitp.emulator.mqtt;

import java.nio.file.Path;

/**
 * One TLS listener of the embedded HiveMQ.
 *
 * @param name         listener name (HiveMQ logs it)
 * @param bindAddress  address to bind
 * @param port         port to bind
 * @param requiredAlpn the ALPN protocol clients must negotiate ({@link #AWS_ALPN_PROTOCOL}), or {@code null}
 */
record TlsListener(String name, String bindAddress, int port, String requiredAlpn) {

    /** The protocol AWS IoT requires for MQTT with client certificates on port 443. */
    static final String AWS_ALPN_PROTOCOL = "x-amzn-mqtt-ca";

    private static final String KEY_ALIAS = "server";
    private static final String ALPN_TAG = "/alpn/";

    /**
     * @return the alias of the server key in this listener's key store: it names the required ALPN protocol,
     *         because the key managers are what reaches the TLS context unwrapped (see
     *         {@link AlpnNegotiatingSslContext})
     */
    String keyAlias() {
        return requiredAlpn == null ? KEY_ALIAS : KEY_ALIAS + ALPN_TAG + requiredAlpn;
    }

    /**
     * @param alias a key alias as a key manager reports it (possibly with a prefix of its own)
     * @return the ALPN protocol a {@link #keyAlias()} names, or {@code null}
     */
    static String requiredAlpnOfKeyAlias(String alias) {
        int tag = alias.indexOf(ALPN_TAG);
        return tag < 0 ? null : alias.substring(tag + ALPN_TAG.length());
    }

    /** @param folder the broker's run folder @return this listener's key store there */
    Path keystoreIn(Path folder) {
        return folder.resolve("server-" + name + ".jks");
    }

    /**
     * @param folder the broker's run folder
     * @return this listener's placeholder truststore there (each listener has its own: it names the listener's
     *         trust, see {@link RegistryTrustProvider})
     */
    Path truststoreIn(Path folder) {
        return folder.resolve("trust-" + name + ".jks");
    }
}
