package io.jitp.emulator;

import io.jitp.core.pki.TlsKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Reads the stand-in's own PEM files (root certificate, the broker's server key and certificate) with
 * the JDK alone. On the start-up path this keeps BouncyCastle's provider set-up (half a second and more in a fresh
 * JVM) out of the way; the keys read so sign through the JDK too (see {@link JdkKeys}). Files in another format than
 * the stand-in writes are the caller's to fall back on (this throws).
 */
public final class JdkPem {
    private JdkPem() {
    }

    /**
     * @param file a PEM file whose first block is a certificate (other blocks may follow)
     * @return that certificate
     * @throws IOException if it cannot be read
     * @throws GeneralSecurityException if it holds no certificate the JDK can parse
     */
    public static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * @param file a PEM file holding an unencrypted PKCS#8 EC key ({@code BEGIN PRIVATE KEY}, as the core's
     *             {@code Pem.encode(PrivateKey)} writes it), possibly after other blocks
     * @return the key
     * @throws IOException if it cannot be read
     * @throws GeneralSecurityException if it holds no such key
     */
    public static PrivateKey readEcPrivateKey(Path file) throws IOException, GeneralSecurityException {
        PrivateKey key = TlsKeys.firstPkcs8(Files.readString(file));
        if (key == null || !"EC".equals(key.getAlgorithm())) {
            throw new GeneralSecurityException(file + " holds no unencrypted PKCS#8 EC PEM key");
        }
        return key;
    }
}
