package io.jitp.emulator.mqtt;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's TLS identity: a root CA kept across restarts ({@code <state>/mqtt/root-ca.pem}, the file clients
 * trust, like AmazonRootCA1) and a server certificate issued by it at each start for {@code localhost},
 * {@code 127.0.0.1} and the DescribeEndpoint host.
 */
final class BrokerCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCertificates.class);
    private static final int ROOT_VALIDITY_DAYS = 3650;
    private static final int SERVER_VALIDITY_DAYS = 825;

    private final CertificateAuthority rootCa;
    private final Path rootCaPem;

    private BrokerCertificates(CertificateAuthority rootCa, Path rootCaPem) {
        this.rootCa = rootCa;
        this.rootCaPem = rootCaPem;
    }

    /**
     * @param folder where the root CA lives ({@code root-ca.pem}, {@code root-ca.key} with mode 0600)
     * @return the root CA, created on first use
     */
    static BrokerCertificates loadOrCreate(Path folder) throws IOException {
        Path certificateFile = folder.resolve("root-ca.pem");
        Path keyFile = folder.resolve("root-ca.key");
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            CertificateAuthority ca = CertificateAuthority.of(Pem.readCertificate(certificateFile),
                    Pem.readPrivateKey(keyFile, null), certificateFile + " and " + keyFile);
            return new BrokerCertificates(ca, certificateFile);
        }
        Files.createDirectories(folder);
        CertificateAuthority ca = CertificateAuthority.create(new SubjectProfile("IoT JITP stand-in root CA", null,
                null, null, "iot-jitp-emulator", null, null, null), KeyAlgorithm.EC_P256, ROOT_VALIDITY_DAYS);
        // Key first: a certificate without its key would be unusable on the next start.
        SecureFiles.writeSecret(keyFile, Pem.encode(ca.privateKey()));
        SecureFiles.writePublic(certificateFile, ca.certificatePem());
        LOG.info("Created the stand-in's root CA {}", certificateFile);
        return new BrokerCertificates(ca, certificateFile);
    }

    /** @return the PEM file of the root CA clients must trust */
    Path rootCaPem() {
        return rootCaPem;
    }

    /** @return the root CA certificate */
    X509Certificate rootCertificate() {
        return rootCa.certificate();
    }

    /**
     * Writes the server key store (PKCS#12: a fresh server key and its chain) with mode 0600.
     *
     * @param target       the key store file
     * @param endpointHost the DescribeEndpoint host, added to the SANs
     * @param password     the store password
     */
    void writeServerKeyStore(Path target, String endpointHost, char[] password)
            throws IOException, GeneralSecurityException {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        X509Certificate server = rootCa.issueServerCertificate(keys.getPublic(), "localhost",
                List.of("localhost", endpointHost), List.of("127.0.0.1"), SERVER_VALIDITY_DAYS);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), password, new Certificate[] {server, rootCa.certificate()});
        write(store, target, password, true);
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
