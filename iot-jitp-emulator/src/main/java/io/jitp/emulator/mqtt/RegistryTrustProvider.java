package io.jitp.emulator.mqtt;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JCA provider whose default {@code TrustManagerFactory} hands HiveMQ a registry-backed trust manager.
 *
 * <p>Why: HiveMQ builds its TLS context from a truststore file it re-reads only every 10 s, but it obtains the
 * trust managers through {@code TrustManagerFactory.getDefaultAlgorithm()}, i.e. the security property
 * {@code ssl.TrustManagerFactory.algorithm}. {@link #install()} registers this provider and points the property at
 * it. A broker's placeholder truststore carries a marker alias ({@link #markerAlias(String)}) naming the
 * {@link ClientCertificateTrust} it was {@linkplain #bind bound} to; any other key store (the JVM's own
 * {@code cacerts}, a client's truststore) gets the JDK's standard PKIX trust managers, so nothing else in the JVM
 * changes behaviour.
 */
public final class RegistryTrustProvider extends Provider {

    /** The trust-manager algorithm name this provider serves. */
    public static final String ALGORITHM = "IotJitpRegistryTrust";
    static final String PROVIDER_NAME = "IotJitpRegistryTrustProvider";
    private static final String MARKER_PREFIX = "iot-jitp-broker-trust-";
    private static final String ALPN_TAG = "/alpn/";
    private static final String PROPERTY = "ssl.TrustManagerFactory.algorithm";
    private static final long serialVersionUID = 1L;
    private static final Map<String, ClientCertificateTrust> BOUND = new ConcurrentHashMap<>();

    /** Public for the JCA, which instantiates providers reflectively; use {@link #install()}. */
    public RegistryTrustProvider() {
        super(PROVIDER_NAME, "1.0", "Trusts broker client certificates by asking the IoT registry");
        putService(new Service(this, "TrustManagerFactory", ALGORITHM,
                RegistryTrustManagerFactorySpi.class.getName(), null, null));
    }

    /**
     * Registers the provider (once per JVM) and makes its algorithm the default trust-manager algorithm; installs
     * the {@link AlpnNegotiationProvider} the ALPN listener needs.
     */
    public static synchronized void install() {
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.addProvider(new RegistryTrustProvider());
        }
        Security.setProperty(PROPERTY, ALGORITHM);
        AlpnNegotiationProvider.install();
    }

    /**
     * @param bindingId an id unique to one broker instance
     * @return the truststore alias that selects that broker's trust
     */
    static String markerAlias(String bindingId) {
        return MARKER_PREFIX + bindingId;
    }

    /**
     * @param bindingId    an id unique to one broker instance
     * @param requiredAlpn the ALPN protocol the listener requires, or {@code null}
     * @return the truststore alias that selects that broker's trust on a listener requiring that protocol
     */
    static String markerAlias(String bindingId, String requiredAlpn) {
        return markerAlias(bindingId) + (requiredAlpn == null ? "" : ALPN_TAG + requiredAlpn);
    }

    /** @return the broker binding a marker alias names (the alias without its ALPN part) */
    static String bindingOf(String marker) {
        int tag = marker.indexOf(ALPN_TAG);
        return tag < 0 ? marker : marker.substring(0, tag);
    }

    /** @return the ALPN protocol a marker alias requires, or {@code null} */
    static String requiredAlpnOf(String marker) {
        int tag = marker.indexOf(ALPN_TAG);
        return tag < 0 ? null : marker.substring(tag + ALPN_TAG.length());
    }

    /** Binds a broker's trust to its marker; until {@link #unbind} handshakes on its truststore consult it. */
    static void bind(String bindingId, ClientCertificateTrust trust) {
        BOUND.put(markerAlias(bindingId), trust);
    }

    /** Unbinds a broker; a truststore with its marker then trusts nothing (fail closed). */
    static void unbind(String bindingId) {
        BOUND.remove(markerAlias(bindingId));
    }

    /**
     * @param keyStore a truststore handed to a trust-manager factory
     * @return the marker alias it carries, or {@code null} when it is no broker placeholder
     */
    static String marker(KeyStore keyStore) throws KeyStoreException {
        if (keyStore == null) {
            return null;
        }
        for (String alias : Collections.list(keyStore.aliases())) {
            if (alias.startsWith(MARKER_PREFIX)) {
                return alias;
            }
        }
        return null;
    }

    /** @return the trust bound to a marker; one that refuses everything when none is (any more) */
    static ClientCertificateTrust trustFor(String marker) {
        return BOUND.getOrDefault(marker, leaf -> "the broker is not running");
    }
}
