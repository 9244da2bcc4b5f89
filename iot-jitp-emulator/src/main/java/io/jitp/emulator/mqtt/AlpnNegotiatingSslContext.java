package io.jitp.emulator.mqtt;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;

/**
 * The JDK's own {@code TLS} context, plus ALPN for the broker's ALPN listener: when initialised with a key manager
 * holding a server key whose alias names a protocol ({@link TlsListener#keyAlias()}; Netty wraps trust managers but
 * hands key managers over as they are), every engine it creates selects that protocol when the
 * client offers it (so the ServerHello echoes it, as AWS's port 443 does) and ends the handshake with a
 * {@code no_application_protocol} alert when the client offers only others. Any other initialisation is the JDK's
 * context unchanged.
 */
final class AlpnNegotiatingSslContext extends SSLContextSpi {

    private static final String JDK_PROVIDER = "SunJSSE";

    private final SSLContext jdk;
    private volatile String requiredProtocol;

    AlpnNegotiatingSslContext() throws NoSuchAlgorithmException {
        jdk = SSLContext.getInstance("TLS", Objects.requireNonNull(Security.getProvider(JDK_PROVIDER),
                "the JDK's " + JDK_PROVIDER + " provider is missing"));
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        jdk.init(keyManagers, trustManagers, random);
        requiredProtocol = keyManagers == null ? null : Arrays.stream(keyManagers)
                .filter(X509KeyManager.class::isInstance)
                .flatMap(manager -> serverAliases((X509KeyManager) manager))
                .map(TlsListener::requiredAlpnOfKeyAlias)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Stream<String> serverAliases(X509KeyManager manager) {
        return Stream.of("EC", "RSA").map(keyType -> manager.getServerAliases(keyType, null))
                .filter(Objects::nonNull).flatMap(Arrays::stream);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return negotiating(jdk.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return negotiating(jdk.createSSLEngine(host, port));
    }

    private SSLEngine negotiating(SSLEngine engine) {
        String protocol = requiredProtocol;
        if (protocol != null) {
            // null refuses a client that offers ALPN without our protocol; one that offers no ALPN at all is never
            // asked, and the trust manager refuses it instead (see RegistryTrustManager).
            engine.setHandshakeApplicationProtocolSelector(
                    (unused, offered) -> offered.contains(protocol) ? protocol : null);
        }
        return engine;
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return jdk.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return jdk.getServerSocketFactory();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return jdk.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return jdk.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return jdk.getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return jdk.getSupportedSSLParameters();
    }
}
