package io.jitp.emulator.mqtt;

import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.emulator.JdkKeys;
import io.jitp.emulator.JdkPem;
import io.jitp.emulator.StandInAuthority;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's TLS material, issued by the stand-in's root CA (the file clients trust, like AmazonRootCA1): a server
 * certificate for {@code localhost}, {@code 127.0.0.1} and the DescribeEndpoint host, and the placeholder truststore
 * that ties a listener to the registry-backed trust.
 *
 * <p>The server certificate and key are kept in the state directory, together in one file ({@value #FILE}, mode
 * 0600, replaced atomically, so the two always belong together) and reused by the next start while the root CA
 * still verifies the certificate, its names are still the ones wanted and it is valid for a while yet; otherwise
 * (also when the file cannot be read) a new pair is issued, its key made by the JDK (see {@link JdkKeys}). Reuse
 * keeps key generation and certificate building off the start-up path; {@link MqttBroker} writes the stores beside
 * HiveMQ's start either way.
 */
final class BrokerCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerCertificates.class);

    /**
     * The type of the per-run key stores, the one HiveMQ's configuration reads them as. Not PKCS#12: its password
     * encryption (PBKDF2, 10,000 rounds per key, certificate bag and MAC) cost a fresh JVM some 0.4 s to write the
     * four stores and as much again for HiveMQ to read them, half of it on the start-up's critical path, and protects
     * nothing here: each store sits in a 0600 run folder removed at stop, under a random 192-bit password, and the
     * same key is kept unencrypted in {@value #FILE} (0600) anyway.
     */
    static final String STORE_TYPE = "JKS";
    /** The kept server certificate and key, in the state directory's {@code mqtt} folder. */
    static final String FILE = "server.pem";
    private static final int SERVER_VALIDITY_DAYS = 825;
    /** A certificate this close to its end is replaced at the next start rather than expiring mid-session. */
    private static final Duration RENEWAL_MARGIN = Duration.ofDays(30);
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final StandInAuthority rootCa;
    private final Path keptIn;

    /**
     * @param rootCa the stand-in's root CA
     * @param keptIn the folder the server key and certificate are kept in across starts
     */
    BrokerCertificates(StandInAuthority rootCa, Path keptIn) {
        this.rootCa = rootCa;
        this.keptIn = keptIn;
    }

    /**
     * Writes each listener's server key store ({@value #STORE_TYPE}, mode 0600): the server key and its chain, under
     * the listener's {@linkplain TlsListener#keyAlias() alias}.
     *
     * @param listeners    the listeners
     * @param folder       the broker's run folder
     * @param endpointHost the DescribeEndpoint host, added to the SANs
     * @param password     the store password
     */
    void writeServerKeyStores(List<TlsListener> listeners, Path folder, String endpointHost, char[] password)
            throws IOException, GeneralSecurityException {
        List<String> dnsNames = List.of("localhost", endpointHost);
        List<String> addresses = List.of("127.0.0.1");
        ServerPair pair = kept(dnsNames, addresses).orElse(null);
        if (pair == null) {
            pair = issue(dnsNames, addresses);
        }
        for (TlsListener listener : listeners) {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(null, null);
            store.setKeyEntry(listener.keyAlias(), pair.key(), password,
                    new Certificate[] {pair.certificate(), rootCa.certificate()});
            write(store, listener.keystoreIn(folder), password, true);
        }
    }

    private ServerPair issue(List<String> dnsNames, List<String> addresses) throws IOException {
        KeyPair keys = JdkKeys.ecP256();
        X509Certificate server = rootCa.ca().issueServerCertificate(keys.getPublic(), "localhost", dnsNames,
                addresses, SERVER_VALIDITY_DAYS);
        // Not flushed to the disk: a file lost to a crash only means issuing a new pair at the next start.
        Path target = keptIn.resolve(FILE);
        byte[] pair = (Pem.encode(server) + Pem.encode(keys.getPrivate())).getBytes(StandardCharsets.UTF_8);
        SecureFiles.commit(SecureFiles.prepare(target, pair, true), target);
        return new ServerPair(keys.getPrivate(), server);
    }

    /** @return the kept pair when it is still right for this start */
    private Optional<ServerPair> kept(List<String> dnsNames, List<String> addresses) {
        Path file = keptIn.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = JdkPem.readCertificate(file);
            certificate.verify(rootCa.certificate().getPublicKey());
            certificate.checkValidity(Date.from(Instant.now().plus(RENEWAL_MARGIN)));
            if (!names(certificate).equals(expected(dnsNames, addresses))) {
                LOG.debug("Issuing a new MQTT server certificate: the names it must carry changed");
                return Optional.empty();
            }
            return Optional.of(new ServerPair(JdkPem.readEcPrivateKey(file), certificate));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // A new root CA, an expiring or unreadable pair: issue a new one (it replaces the files).
            LOG.debug("Issuing a new MQTT server certificate: the kept one is not usable ({})", e.toString());
            return Optional.empty();
        }
    }

    private static Set<List<?>> names(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        return names == null ? Set.of() : new HashSet<>(names);
    }

    private static Set<List<?>> expected(List<String> dnsNames, List<String> addresses) {
        Set<List<?>> names = new HashSet<>();
        dnsNames.forEach(name -> names.add(List.of(SAN_DNS, name)));
        addresses.forEach(address -> names.add(List.of(SAN_IP, address)));
        return names;
    }

    /**
     * Writes the placeholder truststore HiveMQ is configured with: the root CA under the marker alias that binds
     * the listener to the registry-backed trust (see {@link RegistryTrustProvider}).
     */
    void writePlaceholderTrustStore(Path target, String markerAlias, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
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

    /** A server key and its certificate. */
    private record ServerPair(PrivateKey key, X509Certificate certificate) {
    }
}
