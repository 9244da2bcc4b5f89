package io.jitp.emulator.mqtt;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A device key and certificate issued by a test CA, as the seed's {@code provision} script makes them.
 *
 * @param name        the device name (CN and MQTT client id)
 * @param keys        its key pair
 * @param certificate its certificate
 * @param issuer      the CA certificate that signed it
 */
record TestDevice(String name, KeyPair keys, X509Certificate certificate, X509Certificate issuer) {

    static TestDevice issue(CertificateAuthority ca, String name, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.generate();
        X509Certificate certificate = ca.issueDeviceCertificate(keys.getPublic(),
                SubjectProfile.ofCommonName(name), 30);
        return new TestDevice(name, keys, certificate, ca.certificate());
    }

    static TestDevice issue(CertificateAuthority ca, String name) {
        return issue(ca, name, KeyAlgorithm.EC_P256);
    }

    String certificateId() {
        return CertificateIds.of(certificate);
    }

    /**
     * Writes {@code <name>.crt} (device certificate followed by the CA certificate, as the seed does) and
     * {@code <name>.key} (PKCS#8, 0600) for command-line clients.
     *
     * @return the certificate file; the key file is next to it
     */
    Path writeFiles(Path folder) throws IOException {
        Path crt = folder.resolve(name + ".crt");
        SecureFiles.writePublic(crt, Pem.encode(certificate) + Pem.encode(issuer));
        SecureFiles.writeSecret(folder.resolve(name + ".key"), Pem.encode(keys.getPrivate()));
        return crt;
    }
    /** @return a TLS 1.2 client context presenting this device's certificate and trusting {@code rootCa} */
    SSLContext sslContext(Path rootCa) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("device", keys.getPrivate(), new char[0], new Certificate[] {certificate, issuer});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, new char[0]);
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("root", Pem.readCertificate(rootCa));
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
