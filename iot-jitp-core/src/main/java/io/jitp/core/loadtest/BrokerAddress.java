package io.jitp.core.loadtest;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the devices connect: an MQTT-over-TLS endpoint (AWS's data endpoint on 8883, the stand-in's, or any broker
 * that checks client certificates) and the CAs its server certificate chains to.
 *
 * @param host         host name, also sent as SNI and checked against the server certificate
 * @param port         TLS port
 * @param trustAnchors CAs trusted for the server certificate (Amazon Root CA 1 for AWS)
 * @param description  how the target is named in reports ("local stand-in", "AWS eu-west-1", "mosquitto")
 */
public record BrokerAddress(String host, int port, List<X509Certificate> trustAnchors, String description) {
    /** Copies the list. */
    public BrokerAddress {
        trustAnchors = List.copyOf(trustAnchors);
    }

    /** @return a trust manager factory for the server certificate, shared by every device */
    TrustManagerFactory trustManagers() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < trustAnchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, trustAnchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build a trust store from the broker's CAs", e);
        }
    }
}
