package io.jitp.emulator.mqtt;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SecureFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The broker's TLS material, issued by the stand-in's root CA (the file clients trust, like AmazonRootCA1): a server
 * certificate made at each start for {@code localhost}, {@code 127.0.0.1} and the DescribeEndpoint host, and the
 * placeholder truststore that ties a listener to the registry-backed trust.
 */
final class BrokerCertificates {

    private static final int SERVER_VALIDITY_DAYS = 825;

    private final CertificateAuthority rootCa;

    /** @param rootCa the stand-in's root CA */
    BrokerCertificates(CertificateAuthority rootCa) {
        this.rootCa = rootCa;
    }

    /**
     * Writes each listener's server key store (PKCS#12, mode 0600): one fresh server key and its chain, under the
     * listener's {@linkplain TlsListener#keyAlias() alias}.
     *
     * @param listeners    the listeners
     * @param folder       the broker's run folder
     * @param endpointHost the DescribeEndpoint host, added to the SANs
     * @param password     the store password
     */
    void writeServerKeyStores(List<TlsListener> listeners, Path folder, String endpointHost, char[] password)
            throws IOException, GeneralSecurityException {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        X509Certificate server = rootCa.issueServerCertificate(keys.getPublic(), "localhost",
                List.of("localhost", endpointHost), List.of("127.0.0.1"), SERVER_VALIDITY_DAYS);
        for (TlsListener listener : listeners) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(listener.keyAlias(), keys.getPrivate(), password,
                    new Certificate[] {server, rootCa.certificate()});
            write(store, listener.keystoreIn(folder), password, true);
        }
    }

    /**
     * Writes the placeholder truststore HiveMQ is configured with: the root CA under the marker alias that binds
     * the listener to the registry-backed trust (see {@link RegistryTrustProvider}).
     */
    void writePlaceholderTrustStore(Path target, String markerAlias, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(markerAlias, rootCa.certificate());
        write(store, target, password, false);
    }

    private static void write(KeyStore store, Path target, char[] password, boolean secret)
            throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        SecureFiles.commit(SecureFiles.prepare(target, bytes.toByteArray(), secret), target);
    }
}
