package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A CA kept on disk as the seed kept it: {@code <name>.ca.pem} and {@code <name>.ca.key} in one folder. The key is
 * encrypted PKCS#8 when a password is given, otherwise plain PKCS#8 with mode 0600 (and a warning).
 */
public final class CaStore {
    private final Path directory;
    private final String name;

    /**
     * @param directory the folder holding the CA files
     * @param name      the CA name (file prefix), e.g. {@code root}
     */
    public CaStore(Path directory, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new InvalidInputException("CA name '" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.name = name;
    }

    /** @return the CA name (file prefix) */
    public String name() {
        return name;
    }

    /** @return {@code <directory>/<name>.ca.pem} */
    public Path certificateFile() {
        return directory.resolve(name + ".ca.pem");
    }

    /** @return {@code <directory>/<name>.ca.key} */
    public Path keyFile() {
        return directory.resolve(name + ".ca.key");
    }

    /**
     * Loads the CA and checks it can issue (see {@link CertificateAuthority#of}).
     *
     * @param password the key password, or null for a plain key
     * @return the CA
     * @throws InvalidInputException naming the missing, corrupt or unusable file and the fix
     * @throws IOException           if a file cannot be read
     */
    public CertificateAuthority load(char[] password) throws IOException {
        for (Path file : new Path[] {certificateFile(), keyFile()}) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("CA file " + file + " does not exist; create the CA with"
                        + " mvn iot:create-ca -Diot.caDirectory=" + directory + " -Diot.caName=" + name
                        + " or point iot.caDirectory and iot.caName at an existing one");
            }
        }
        X509Certificate certificate = Pem.readCertificate(certificateFile());
        PrivateKey key = Pem.readPrivateKey(keyFile(), password);
        return CertificateAuthority.of(certificate, key, "CA " + certificateFile() + " (key " + keyFile() + ")");
    }

    /**
     * Writes the CA: certificate (0644) and key (0600, encrypted if a password is given), each atomically.
     *
     * @param ca       the CA
     * @param password the key password, or null to store the key unencrypted (a warning is reported)
     * @param reporter receives the warning about an unencrypted key
     * @throws IOException if the folder is not writable
     */
    public void save(CertificateAuthority ca, char[] password, Reporter reporter) throws IOException {
        String key = password == null ? Pem.encode(ca.privateKey()) : Pem.encodeEncrypted(ca.privateKey(), password);
        // Key first: a certificate on disk always has its key next to it.
        SecureFiles.writeSecret(keyFile(), key);
        SecureFiles.writePublic(certificateFile(), ca.certificatePem());
        if (password == null) {
            reporter.warn("CA key " + keyFile() + " is stored unencrypted (mode 0600); configure a password"
                    + " (a settings.xml <server> named by iot.caPasswordServerId, or an environment variable named"
                    + " by iot.caPasswordEnv) to encrypt it");
        }
    }

    /**
     * Creates the CA unless one exists: an existing CA is loaded (and so checked) and reused; replacing it needs
     * {@code force}. Nothing is written when an existing CA is reused or found unusable.
     *
     * @param subject      subject of a new CA
     * @param algorithm    key type of a new CA
     * @param validityDays validity of a new CA
     * @param password     key password, or null
     * @param force        replace an existing CA
     * @param reporter     receives what happened
     * @return the CA, and whether it was created now
     * @throws IOException if a file cannot be read or written
     */
    public Outcome createOrReuse(SubjectProfile subject, KeyAlgorithm algorithm, int validityDays, char[] password,
                                 boolean force, Reporter reporter) throws IOException {
        if (exists() && !force) {
            if (!Files.exists(certificateFile()) || !Files.exists(keyFile())) {
                Path present = Files.exists(certificateFile()) ? certificateFile() : keyFile();
                throw new InvalidInputException("CA folder " + directory + " holds " + present.getFileName()
                        + " without its pair; restore the missing file, or replace both with -Diot.force=true");
            }
            CertificateAuthority existing = load(password);
            reporter.info("Reusing the existing CA " + certificateFile() + " (" + describe(existing)
                    + "); use -Diot.force=true to replace it");
            return new Outcome(existing, false);
        }
        CertificateAuthority created = CertificateAuthority.create(subject, algorithm, validityDays);
        save(created, password, reporter);
        reporter.info("Created CA " + certificateFile() + " (" + describe(created) + ")");
        return new Outcome(created, true);
    }

    private static String describe(CertificateAuthority ca) {
        X509Certificate certificate = ca.certificate();
        return Certificates.subject(certificate) + ", valid until "
                + certificate.getNotAfter().toInstant() + ", id " + CertificateIds.of(certificate);
    }

    /**
     * What {@link #createOrReuse} did.
     *
     * @param ca      the CA now in the folder
     * @param created true if it was created by this call, false if an existing one was reused
     */
    public record Outcome(CertificateAuthority ca, boolean created) {
    }

    /** @return true if either CA file exists */
    public boolean exists() {
        return Files.exists(certificateFile()) || Files.exists(keyFile());
    }
}
