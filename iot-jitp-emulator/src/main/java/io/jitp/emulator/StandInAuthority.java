package io.jitp.emulator;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The stand-in's own root CA, playing Amazon's part: clients trust it instead of AmazonRootCA1, it signs the
 * MQTT listener's server certificate and the certificates of CreateKeysAndCertificate. Created once per state
 * directory ({@value #CERTIFICATE_FILE}, key in {@value #KEY_FILE} with mode 0600) and reused afterwards, so
 * devices keep trusting it across restarts. Its key is EC P-256 (like Amazon Root CA 3): an RSA key would cost
 * the first start about a second and a half of key generation.
 *
 * <p>An existing CA is loaded in two steps: its certificate at once, with the JDK (what the broker's listeners
 * need), and the signing CA (its key through BouncyCastle, whose set-up costs half a second and more in a fresh
 * JVM) on a thread of its own, beside the rest of the start-up. {@link #ca()} waits for it; the stand-in calls it
 * before its readiness signal, so a key that cannot be read still fails the start, naming the file.
 */
public final class StandInAuthority {
    /** The root CA certificate clients trust. */
    public static final String CERTIFICATE_FILE = "root-ca.pem";
    /** Its private key. */
    public static final String KEY_FILE = "root-ca.key";

    static final String COMMON_NAME = "iot-jitp stand-in Root CA";
    private static final int VALIDITY_DAYS = 7300;

    private final X509Certificate certificate;
    private final CompletableFuture<CertificateAuthority> authority;
    private final Path certificatePath;

    private StandInAuthority(X509Certificate certificate, CompletableFuture<CertificateAuthority> authority,
            Path certificatePath) {
        this.certificate = certificate;
        this.authority = authority;
        this.certificatePath = certificatePath;
    }

    /**
     * @param stateDirectory the state directory
     * @return the stored CA (its signing half still loading), or a new one stored there
     * @throws IOException if it cannot be read or written
     */
    public static StandInAuthority loadOrCreate(Path stateDirectory) throws IOException {
        Path certificate = stateDirectory.resolve(CERTIFICATE_FILE);
        Path key = stateDirectory.resolve(KEY_FILE);
        if (Files.exists(certificate) && Files.exists(key)) {
            X509Certificate root = readCertificate(certificate);
            CompletableFuture<CertificateAuthority> loading = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    loading.complete(CertificateAuthority.of(root, Pem.readPrivateKey(key, null),
                            certificate + " and " + key));
                } catch (IOException | RuntimeException e) {
                    loading.completeExceptionally(e);
                }
            }, "iot-jitp-root-ca");
            thread.setDaemon(true);
            thread.start();
            return new StandInAuthority(root, loading, certificate);
        }
        CertificateAuthority created = CertificateAuthority.create(
                SubjectProfile.ofCommonName(COMMON_NAME).withAttribute("O", "iot-jitp"), KeyAlgorithm.EC_P256,
                VALIDITY_DAYS);
        SecureFiles.writeSecret(key, Pem.encode(created.privateKey()));
        SecureFiles.writePublic(certificate, created.certificatePem());
        return new StandInAuthority(created.certificate(), CompletableFuture.completedFuture(created), certificate);
    }

    /** The JDK reads what the stand-in wrote; anything else gets the core's reader and its error naming the file. */
    private static X509Certificate readCertificate(Path file) throws IOException {
        try {
            return JdkPem.readCertificate(file);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Pem.readCertificate(file);
        }
    }

    /**
     * Waits until the signing CA is loaded.
     *
     * @throws IOException if its key file could not be read
     * @throws RuntimeException what loading it threw otherwise (an error naming the files)
     */
    public void awaitLoaded() throws IOException {
        try {
            authority.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * @return the CA, to issue certificates; waits until its key is loaded
     * @throws UncheckedIOException if the key file could not be read
     */
    public CertificateAuthority ca() {
        try {
            awaitLoaded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return authority.join();
    }

    /** @return the root certificate clients trust, without waiting for the key */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the PEM file of the root certificate clients trust */
    public Path certificatePath() {
        return certificatePath;
    }
}
