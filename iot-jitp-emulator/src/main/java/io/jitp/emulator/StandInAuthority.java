package io.jitp.emulator;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;
import io.jitp.core.pki.SubjectProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stand-in's own root CA, playing Amazon's part: clients trust it instead of AmazonRootCA1, it signs the
 * MQTT listener's server certificate and the certificates of CreateKeysAndCertificate. Created once per state
 * directory ({@value #CERTIFICATE_FILE}, key in {@value #KEY_FILE} with mode 0600) and reused afterwards, so
 * devices keep trusting it across restarts. Its key is EC P-256 (like Amazon Root CA 3): an RSA key would cost
 * the first start about a second and a half of key generation.
 */
public final class StandInAuthority {
    /** The root CA certificate clients trust. */
    public static final String CERTIFICATE_FILE = "root-ca.pem";
    /** Its private key. */
    public static final String KEY_FILE = "root-ca.key";

    static final String COMMON_NAME = "iot-jitp stand-in Root CA";
    private static final int VALIDITY_DAYS = 7300;

    private final CertificateAuthority authority;
    private final Path certificatePath;

    private StandInAuthority(CertificateAuthority authority, Path certificatePath) {
        this.authority = authority;
        this.certificatePath = certificatePath;
    }

    /**
     * @param stateDirectory the state directory
     * @return the stored CA, or a new one stored there
     * @throws IOException if it cannot be read or written
     */
    public static StandInAuthority loadOrCreate(Path stateDirectory) throws IOException {
        Path certificate = stateDirectory.resolve(CERTIFICATE_FILE);
        Path key = stateDirectory.resolve(KEY_FILE);
        if (Files.exists(certificate) && Files.exists(key)) {
            return new StandInAuthority(CertificateAuthority.of(Pem.readCertificate(certificate),
                    Pem.readPrivateKey(key, null), certificate + " and " + key), certificate);
        }
        CertificateAuthority created = CertificateAuthority.create(
                SubjectProfile.ofCommonName(COMMON_NAME).withAttribute("O", "iot-jitp"), KeyAlgorithm.EC_P256,
                VALIDITY_DAYS);
        SecureFiles.writeSecret(key, Pem.encode(created.privateKey()));
        SecureFiles.writePublic(certificate, created.certificatePem());
        return new StandInAuthority(created, certificate);
    }

    /** @return the CA, to issue certificates */
    public CertificateAuthority ca() {
        return authority;
    }

    /** @return the PEM file of the root certificate clients trust */
    public Path certificatePath() {
        return certificatePath;
    }
}
