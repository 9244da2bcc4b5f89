package io.jitp.core.mqtt;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust managers that accept only the given anchors. A fleet's devices all trust the same server anchors, and building
 * the trust store and PKIX trust manager once per device cost a sizeable share of a smoke-connect client's CPU, so the
 * managers of the last anchor list asked for are kept and handed out again (the JDK's trust managers are thread-safe
 * and hold no per-connection state).
 */
final class AnchorTrust {
    private static final AtomicReference<Built> LAST = new AtomicReference<>();

    private record Built(List<X509Certificate> anchors, TrustManager[] managers) {
    }

    private AnchorTrust() {
    }

    /**
     * @param anchors the certificates to trust, at least one
     * @return trust managers accepting server chains that lead to one of them
     * @throws GeneralSecurityException if the PKIX trust manager cannot be built
     * @throws IOException              if the trust store cannot be set up
     */
    static TrustManager[] managers(List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
        Built last = LAST.get();
        if (last != null && last.anchors().equals(anchors)) {
            return last.managers().clone();
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trustStore(anchors));
        TrustManager[] managers = trust.getTrustManagers();
        LAST.set(new Built(List.copyOf(anchors), managers.clone()));
        return managers;
    }

    private static KeyStore trustStore(List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("No trust anchors: a device must know which server to trust");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < anchors.size(); i++) {
            store.setCertificateEntry("anchor-" + i, anchors.get(i));
        }
        return store;
    }
}
