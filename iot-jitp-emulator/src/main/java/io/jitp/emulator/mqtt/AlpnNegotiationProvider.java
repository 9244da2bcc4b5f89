package io.jitp.emulator.mqtt;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;

/**
 * A JCA provider, first in the list, whose {@code TLS} context is {@link AlpnNegotiatingSslContext}: the JDK's
 * context, with ALPN selection on the broker's ALPN listener.
 *
 * <p>Why: HiveMQ CE builds each listener's TLS context with Netty's JDK provider, {@code SSLContext.getInstance("TLS")},
 * and offers no ALPN setting; AWS's port-443 variant must echo {@value TlsListener#AWS_ALPN_PROTOCOL} in the
 * ServerHello. The context tells the ALPN listener from the others by its server key's alias (see
 * {@link TlsListener#keyAlias()}); every other TLS context in the JVM is the JDK's.
 */
final class AlpnNegotiationProvider extends Provider {

    static final String PROVIDER_NAME = "IotJitpAlpnNegotiationProvider";
    private static final long serialVersionUID = 1L;

    private AlpnNegotiationProvider() {
        super(PROVIDER_NAME, "1.0", "The JDK's TLS context, selecting ALPN x-amzn-mqtt-ca on the broker's ALPN port");
        putService(new Service(this, "SSLContext", "TLS", AlpnNegotiatingSslContext.class.getName(), null, null) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                return new AlpnNegotiatingSslContext();
            }
        });
    }

    /** Puts the provider first (once per JVM), so that {@code SSLContext.getInstance("TLS")} finds it. */
    static synchronized void install() {
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.insertProviderAt(new AlpnNegotiationProvider(), 1);
        }
    }
}
