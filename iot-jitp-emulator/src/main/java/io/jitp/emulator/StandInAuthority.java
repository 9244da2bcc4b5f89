package io.jitp.emulator;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's own root CA, playing Amazon's part: clients trust it instead of AmazonRootCA1, it signs the
 * MQTT listener's server certificate and the certificates of CreateKeysAndCertificate. Created once per state
 * directory ({@value #CERTIFICATE_FILE}, key in {@value #KEY_FILE} with mode 0600) and reused afterwards, so
 * devices keep trusting it across restarts. Its key is EC P-256 (like Amazon Root CA 3): an RSA key would cost
 * the first start about a second and a half of key generation. Key and signatures go through the JDK (see
 * {@link JdkKeys}).
 *
 * <p>Neither step holds up the start: an existing CA's certificate is read at once with the JDK (what the broker's
 * listeners need) and its key on a thread of its own; a new CA is created and written on a thread of its own, beside
 * the rest of the start-up (HiveMQ's own set-up above all), and {@link #certificate()} waits for it. The stand-in
 * calls {@link #awaitLoaded()} before its readiness signal, so a key that cannot be read or a CA that cannot be
 * written still fails the start, naming the file.
 */
public final class StandInAuthority {
    /** The root CA certificate clients trust. */
    public static final String CERTIFICATE_FILE = "root-ca.pem";
    /** Its private key. */
    public static final String KEY_FILE = "root-ca.key";

    private static final Logger LOG = LoggerFactory.getLogger(StandInAuthority.class);

    static final String COMMON_NAME = "iot-jitp stand-in Root CA";
    private static final int VALIDITY_DAYS = 7300;
    /** The CA's key signs through the JDK's default provider (SunEC), see {@link JdkKeys}. */
    private static final Provider JDK_SIGNS = null;

    private final CompletableFuture<X509Certificate> certificate;
    private final CompletableFuture<CertificateAuthority> authority;
    private final Path certificatePath;

    private StandInAuthority(CompletableFuture<X509Certificate> certificate,
            CompletableFuture<CertificateAuthority> authority, Path certificatePath) {
        this.certificate = certificate;
        this.authority = authority;
        this.certificatePath = certificatePath;
    }

    /**
     * @param stateDirectory the state directory
     * @return the stored CA (its signing half still loading), or a new one, being created and stored there
     * @throws IOException if the stored certificate cannot be read
     */
    public static StandInAuthority loadOrCreate(Path stateDirectory) throws IOException {
        Path certificate = stateDirectory.resolve(CERTIFICATE_FILE);
        Path key = stateDirectory.resolve(KEY_FILE);
        CompletableFuture<X509Certificate> root = new CompletableFuture<>();
        CompletableFuture<CertificateAuthority> authority = new CompletableFuture<>();
        if (Files.exists(certificate) && Files.exists(key)) {
            X509Certificate stored = readCertificate(certificate);
            root.complete(stored);
            onItsOwnThread(root, authority, () -> loadCa(stored, key, certificate + " and " + key));
        } else {
            onItsOwnThread(root, authority, () -> create(certificate, key));
        }
        return new StandInAuthority(root, authority, certificate);
    }

    private static CertificateAuthority create(Path certificate, Path key) throws IOException {
        long startedAt = System.nanoTime();
        CertificateAuthority created = CertificateAuthority.create(
                SubjectProfile.ofCommonName(COMMON_NAME).withAttribute("O", "iot-jitp"), JdkKeys.ecP256(),
                JDK_SIGNS, VALIDITY_DAYS);
        try {
            SecureFiles.writeSecret(key, Pem.encode(created.privateKey()));
            SecureFiles.writePublic(certificate, created.certificatePem());
        } catch (IOException e) {
            throw new IOException("Cannot write the stand-in's root CA (" + key + ", " + certificate + "): "
                    + e.getMessage(), e);
        }
        LOG.debug("Root CA created and written in {} ms, beside the rest of the start",
                (System.nanoTime() - startedAt) / 1_000_000);
        return created;
    }

    /** Work that returns the CA or fails with an IOException (naming the file) or a RuntimeException. */
    private interface CaStep {
        CertificateAuthority run() throws IOException;
    }

    /**
     * Runs the step on a thread of its own, completing both futures. The start-up thread only starts it: even
     * loading the CA's classes (BouncyCastle's certificate builder, from a signed jar) happens on that thread.
     */
    private static void onItsOwnThread(CompletableFuture<X509Certificate> root,
            CompletableFuture<CertificateAuthority> result, CaStep step) {
        Thread thread = new Thread(() -> {
            try {
                CertificateAuthority ca = step.run();
                root.complete(ca.certificate());
                result.complete(ca);
            } catch (IOException | RuntimeException e) {
                root.completeExceptionally(e);
                result.completeExceptionally(e);
            }
        }, "iot-jitp-root-ca");
        thread.setDaemon(true);
        thread.start();
    }

    /** The JDK reads and signs with the key the stand-in wrote; a key in another format gets the core's reader. */
    private static CertificateAuthority loadCa(X509Certificate root, Path key, String source) throws IOException {
        try {
            return CertificateAuthority.of(root, JdkPem.readEcPrivateKey(key), JDK_SIGNS, source);
        } catch (GeneralSecurityException e) {
            return CertificateAuthority.of(root, Pem.readPrivateKey(key, null), source);
        }
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
     * Waits until the signing CA is loaded or created.
     *
     * @throws IOException if its files could not be read or written (the message names them)
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
     * @throws UncheckedIOException if the key file could not be read, or a new CA not written
     */
    public CertificateAuthority ca() {
        awaitLoadedUnchecked();
        return authority.join();
    }

    /**
     * @return the root certificate clients trust: at once when it was stored, once created when it is new
     * @throws UncheckedIOException if a new CA could not be written
     */
    public X509Certificate certificate() {
        try {
            return certificate.join();
        } catch (CompletionException e) {
            awaitLoadedUnchecked();
            throw e;
        }
    }

    private void awaitLoadedUnchecked() {
        try {
            awaitLoaded();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** @return the PEM file of the root certificate clients trust */
    public Path certificatePath() {
        return certificatePath;
    }
}
