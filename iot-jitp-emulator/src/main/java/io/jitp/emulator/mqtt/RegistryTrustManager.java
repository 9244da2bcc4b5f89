package io.jitp.emulator.mqtt;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's client-certificate trust manager: asks the registry on every handshake, so a CA registered while
 * the stand-in runs is trusted on the very next connection. It names no accepted issuers, so the server sends no
 * CA list and clients offer their certificate whatever CA issued it. On the ALPN listener it also refuses a client
 * that did not negotiate the required protocol (a client offering no ALPN at all is not refused by the JDK).
 */
final class RegistryTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTrustManager.class);
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final ClientCertificateTrust trust;
    private final String requiredAlpn;

    /**
     * @param trust        the registry's decision
     * @param requiredAlpn the ALPN protocol the listener requires, or {@code null}
     */
    RegistryTrustManager(ClientCertificateTrust trust, String requiredAlpn) {
        this.trust = trust;
        this.requiredAlpn = requiredAlpn;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        X509Certificate leaf = chain[0];
        String refusal;
        try {
            leaf.checkValidity();
            refusal = trust.refusal(leaf);
        } catch (CertificateException e) {
            refusal = e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("Client certificate check failed; refusing the connection", e);
            refusal = "internal error while checking the certificate: " + e;
        }
        if (refusal != null) {
            LOG.info("TLS handshake refused for client certificate '{}': {}",
                    leaf.getSubjectX500Principal().getName(), refusal);
            throw new CertificateException(refusal);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (requiredAlpn != null && socket instanceof SSLSocket tls
                && !requiredAlpn.equals(tls.getHandshakeApplicationProtocol())) {
            throw new CertificateException("this port requires ALPN " + requiredAlpn);
        }
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (requiredAlpn != null && !requiredAlpn.equals(engine.getHandshakeApplicationProtocol())) {
            LOG.info("TLS handshake refused on the ALPN port: the client did not offer ALPN {}", requiredAlpn);
            throw new CertificateException("this port requires ALPN " + requiredAlpn);
        }
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the broker's trust manager only checks client certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
