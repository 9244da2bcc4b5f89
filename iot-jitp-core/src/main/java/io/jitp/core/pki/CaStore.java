package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A CA kept on disk as the seed kept it: {@code <name>.ca.pem} and {@code <name>.ca.key} in one folder. The key is
 * encrypted PKCS#8 when a password is given, otherwise plain PKCS#8 with mode 0600 (and a warning). Instead of the key
 * file the folder may hold {@code <name>.ca.p11.json}, a reference to a key inside a PKCS#11 token; loading reads
 * either kind. Every certificate a loaded CA issues is appended to {@code <name>.issued.log} (see
 * {@link IssuanceLog}).
 */
public final class CaStore {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

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

    /** @return {@code <directory>/<name>.ca.p11.json}, the reference to a key kept in a PKCS#11 token */
    public Path keyReferenceFile() {
        return directory.resolve(name + ".ca.p11.json");
    }

    /** @return {@code <directory>/<name>.issued.log}, one JSON line per certificate the CA issued */
    public Path auditLogFile() {
        return directory.resolve(name + ".issued.log");
    }

    /**
     * Loads the CA with a key password only, auditing as an unnamed requester and reporting nothing.
     *
     * @param password the key password, or null for a plain key
     * @return the CA
     * @throws InvalidInputException naming the missing, corrupt or unusable file and the fix
     * @throws IOException           if a file cannot be read
     * @see #load(CaCredentials, Requester, Reporter)
     */
    public CertificateAuthority load(char[] password) throws IOException {
        return load(CaCredentials.ofPassword(password), Requester.current("iot-jitp"), Reporter.silent());
    }

    /**
     * Loads the CA (key file or token key) and checks it can issue (see {@link CertificateAuthority#of}); warns when
     * the CA folder or key file is reachable by other users, or when a password is configured but the key file is
     * not encrypted.
     *
     * @param credentials the key password or token PIN
     * @param requester   who asks; recorded with every certificate the CA issues
     * @param reporter    receives warnings
     * @return the CA, auditing to {@link #auditLogFile()}
     * @throws InvalidInputException naming the missing, corrupt or unusable file and the fix
     * @throws IOException           if a file cannot be read
     */
    public CertificateAuthority load(CaCredentials credentials, Requester requester, Reporter reporter)
            throws IOException {
        boolean inToken = Files.isRegularFile(keyReferenceFile());
        if (inToken && Files.exists(keyFile())) {
            throw new InvalidInputException("CA folder " + directory + " holds both " + keyFile().getFileName()
                    + " and " + keyReferenceFile().getFileName() + "; keep the one that belongs to "
                    + certificateFile().getFileName() + " and move the other away");
        }
        for (Path file : new Path[] {certificateFile(), inToken ? keyReferenceFile() : keyFile()}) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("CA file " + file + " does not exist; create the CA with"
                        + " mvn iot:create-ca -Diot.caDirectory=" + directory + " -Diot.caName=" + name
                        + " or point iot.caDirectory and iot.caName at an existing one");
            }
        }
        CaFileModes.check(directory, inToken ? null : keyFile(), reporter);
        X509Certificate certificate = Pem.readCertificate(certificateFile());
        CertificateAuthority ca;
        if (inToken) {
            CaKeyReference reference = CaKeyReference.read(keyReferenceFile());
            ca = TokenCa.load(reference, credentials.tokenPin(), certificate,
                    "CA " + certificateFile() + " (" + reference + ")");
        } else {
            warnIfUnencryptedDespitePassword(credentials.keyPassword(), reporter);
            PrivateKey key = Pem.readPrivateKey(keyFile(), credentials.keyPassword());
            ca = CertificateAuthority.of(certificate, key, "CA " + certificateFile() + " (key " + keyFile() + ")");
        }
        return ca.withAudit(new IssuanceLog(auditLogFile(), requester));
    }

    private void warnIfUnencryptedDespitePassword(char[] password, Reporter reporter) throws IOException {
        if (password != null && !Files.readString(keyFile()).contains("ENCRYPTED")) {
            reporter.warn("CA key " + keyFile() + " is not encrypted although a CA password is configured;"
                    + " encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in " + keyFile()
                    + " -out " + keyFile() + ".enc && mv " + keyFile() + ".enc " + keyFile()
                    + " (openssl asks for the password)");
        }
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
        createDirectory();
        // Key first: a certificate on disk always has its key next to it.
        SecureFiles.writeSecret(keyFile(), key);
        SecureFiles.writePublic(certificateFile(), ca.certificatePem());
        // A replaced token CA: its reference would now point at a key that does not match the certificate.
        Files.deleteIfExists(keyReferenceFile());
        if (password == null) {
            reporter.warn("CA key " + keyFile() + " is stored unencrypted (mode 0600); configure a password"
                    + " (a settings.xml <server> named by iot.caPasswordServerId, or an environment variable named"
                    + " by iot.caPasswordEnv) to encrypt it");
        }
    }

    private void saveTokenCa(CertificateAuthority ca, CaKeyReference reference) throws IOException {
        createDirectory();
        SecureFiles.writePublic(keyReferenceFile(), reference.toJson());
        SecureFiles.writePublic(certificateFile(), ca.certificatePem());
        // A replaced file CA: its key no longer belongs to the certificate, and must not linger on disk.
        Files.deleteIfExists(keyFile());
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            // Owner-only from the start; an existing folder is left alone (its mode is checked when loading).
            Files.createDirectories(directory, POSIX ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new java.nio.file.attribute.FileAttribute<?>[0]);
        }
    }

    /**
     * Creates the CA (key file) unless one exists; see {@link #createOrReuse(NewCa, CaCredentials, boolean,
     * Requester, Reporter)}.
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
        return createOrReuse(new NewCa(subject, algorithm, validityDays, null), CaCredentials.ofPassword(password),
                force, Requester.current("iot-jitp"), reporter);
    }

    /**
     * Creates the CA unless one exists: an existing CA is loaded (and so checked) and reused; replacing it needs
     * {@code force}. Nothing is written when an existing CA is reused or found unusable. A new CA's key goes to a
     * key file (encrypted when a password is given) or is generated inside a PKCS#11 token. The new CA certificate is
     * the first line of the audit log.
     *
     * @param spec        what to create
     * @param credentials key password or token PIN
     * @param force       replace an existing CA
     * @param requester   who asks, for the audit log
     * @param reporter    receives what happened
     * @return the CA, and whether it was created now
     * @throws IOException if a file cannot be read or written
     */
    public Outcome createOrReuse(NewCa spec, CaCredentials credentials, boolean force, Requester requester,
                                 Reporter reporter) throws IOException {
        if (exists() && !force) {
            if (!Files.exists(certificateFile())
                    || !Files.exists(keyFile()) && !Files.exists(keyReferenceFile())) {
                Path present = Files.exists(certificateFile()) ? certificateFile()
                        : Files.exists(keyFile()) ? keyFile() : keyReferenceFile();
                throw new InvalidInputException("CA folder " + directory + " holds " + present.getFileName()
                        + " without its pair; restore the missing file, or replace both with -Diot.force=true");
            }
            if (spec.tokenKey() != null && Files.exists(keyFile())) {
                reporter.warn("iot.pkcs11.library is set, but the existing CA keeps its key in " + keyFile()
                        + "; it is reused as it is (-Diot.force=true replaces it with a CA whose key is in the token)");
            }
            CertificateAuthority existing = load(credentials, requester, reporter);
            reporter.info("Reusing the existing CA " + certificateFile() + " (" + describe(existing)
                    + "); use -Diot.force=true to replace it");
            return new Outcome(existing, false);
        }
        CertificateAuthority created;
        if (spec.tokenKey() == null) {
            created = CertificateAuthority.create(spec.subject(), spec.algorithm(), spec.validityDays());
            save(created, credentials.keyPassword(), reporter);
        } else {
            created = TokenCa.create(spec.tokenKey(), credentials.tokenPin(), spec.subject(), spec.algorithm(),
                    spec.validityDays(), force);
            saveTokenCa(created, spec.tokenKey());
        }
        // An existing folder is not changed; its owner hears now, not only at the first load, that others reach it.
        CaFileModes.check(directory, spec.tokenKey() == null ? keyFile() : null, reporter);
        IssuanceLog log = new IssuanceLog(auditLogFile(), requester);
        log.issued(created.certificate(), created.certificate());
        reporter.info("Created CA " + certificateFile() + " (" + describe(created) + (spec.tokenKey() == null ? ""
                : ", " + spec.tokenKey() + ", not extractable") + ")");
        return new Outcome(created.withAudit(log), true);
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

    /** @return true if any CA file exists (certificate, key file or token key reference) */
    public boolean exists() {
        return Files.exists(certificateFile()) || Files.exists(keyFile()) || Files.exists(keyReferenceFile());
    }
}
