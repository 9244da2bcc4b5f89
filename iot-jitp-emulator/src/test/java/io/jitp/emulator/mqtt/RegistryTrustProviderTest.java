package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.UUID;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JCA hook HiveMQ's TLS listener reaches through {@code TrustManagerFactory.getDefaultAlgorithm()}. */
class RegistryTrustProviderTest {

    private static CertificateAuthority ca;
    private static TestDevice device;
    private final String binding = UUID.randomUUID().toString();

    @BeforeAll
    static void install() {
        RegistryTrustProvider.install();
        ca = BrokerTestbed.newCa("trust-root");
        device = TestDevice.issue(ca, "trusted");
    }

    @AfterEach
    void unbind() {
        RegistryTrustProvider.unbind(binding);
    }

    /** What HiveMQ does: the default algorithm, initialised with the configured truststore. */
    private static X509TrustManager defaultTrustManager(KeyStore truststore) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(truststore);
        TrustManager[] managers = factory.getTrustManagers();
        assertEquals(1, managers.length);
        return (X509TrustManager) managers[0];
    }

    private KeyStore placeholder() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(RegistryTrustProvider.markerAlias(binding), ca.certificate());
        return store;
    }

    @Test
    void aMarkedTruststoreRefusesEverythingUntilTheBrokerBindsItsTrust() throws Exception {
        X509TrustManager manager = defaultTrustManager(placeholder());
        X509Certificate[] chain = {device.certificate()};
        assertThrows(CertificateException.class, () -> manager.checkClientTrusted(chain, "ECDHE_ECDSA"),
                "fail closed: no authenticator yet");

        RegistryTrustProvider.bind(binding, leaf -> leaf.equals(device.certificate()) ? null : "unknown");
        assertDoesNotThrow(() -> manager.checkClientTrusted(chain, "ECDHE_ECDSA"),
                "the decision is taken per handshake, not when the factory was initialised");
        X509Certificate[] stranger = {TestDevice.issue(ca, "stranger").certificate()};
        assertThrows(CertificateException.class, () -> manager.checkClientTrusted(stranger, "ECDHE_ECDSA"));
        assertEquals(0, manager.getAcceptedIssuers().length, "no CA list is sent to clients");

        RegistryTrustProvider.unbind(binding);
        assertThrows(CertificateException.class, () -> manager.checkClientTrusted(chain, "ECDHE_ECDSA"));
    }

    @Test
    void otherKeyStoresGetTheJdkPkixTrustManagers() throws Exception {
        KeyStore plain = KeyStore.getInstance("PKCS12");
        plain.load(null, null);
        plain.setCertificateEntry("root", ca.certificate());
        X509TrustManager manager = defaultTrustManager(plain);
        assertFalse(manager instanceof RegistryTrustManager);
        assertEquals(1, manager.getAcceptedIssuers().length);
        assertDoesNotThrow(() -> manager.checkClientTrusted(new X509Certificate[] {device.certificate()}, "ECDHE_ECDSA"));
        assertTrue(TrustManagerFactory.getDefaultAlgorithm().equals(RegistryTrustProvider.ALGORITHM));
    }
}
