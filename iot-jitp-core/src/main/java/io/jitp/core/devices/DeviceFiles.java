package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.Certificates;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.KeyPairs;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;

import org.bouncycastle.asn1.x500.X500Name;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The files of one device in the devices folder, named as the seed named them: {@code <id>.key} (PKCS#8, 0600) and
 * {@code <id>.crt} (device certificate followed by the CA certificate).
 *
 * <p>Both are prepared in temporary files, then the key is moved into place and the certificate last: a certificate on
 * disk always has its matching key, and a key without a certificate (a crash between the two moves) is never taken for
 * a finished device: the next run issues that device again.
 */
final class DeviceFiles {
    private final Path folder;
    private final CertificateAuthority ca;
    private final String caPem;

    DeviceFiles(Path folder, CertificateAuthority ca) {
        this.folder = folder;
        this.ca = ca;
        this.caPem = ca.certificatePem();
    }

    Path certificateFile(String id) {
        return folder.resolve(id + ".crt");
    }

    Path keyFile(String id) {
        return folder.resolve(id + ".key");
    }

    /**
     * @param request a device
     * @return its record if its files exist and are still good for this request and CA; empty if it was never
     *         (completely) issued
     * @throws InvalidInputException if it exists but cannot be kept (other CA, expired, other subject or key)
     * @throws IOException           if a file cannot be read
     */
    Optional<DeviceRecord> existing(DeviceRequest request) throws IOException {
        Path certificateFile = certificateFile(request.id());
        if (!Files.isRegularFile(certificateFile)) {
            return Optional.empty();
        }
        X509Certificate certificate = Pem.readCertificate(certificateFile);
        String problem = problemWith(request, certificate);
        if (problem != null) {
            throw new InvalidInputException("Device " + request.id() + " already exists in " + certificateFile
                    + " but " + problem + "; delete its files to issue it again, or reissue every device with"
                    + " -Diot.force=true");
        }
        return Optional.of(record(request, certificate));
    }

    /**
     * @param request a device
     * @return true if its key exists without its certificate: a run was interrupted between the two renames
     */
    boolean hasKeyWithoutCertificate(DeviceRequest request) {
        return request.generatesKey() && Files.exists(keyFile(request.id()))
                && !Files.exists(certificateFile(request.id()));
    }

    /**
     * Issues the device and commits its files.
     *
     * @param request      the device
     * @param algorithm    key type for a generated key
     * @param validityDays certificate validity
     * @return its record
     * @throws IOException if the files cannot be written (none is left half-written)
     */
    DeviceRecord issue(DeviceRequest request, KeyAlgorithm algorithm, int validityDays) throws IOException {
        X509Certificate certificate;
        byte[] key = null;
        if (request.generatesKey()) {
            KeyPair keys = algorithm.generate();
            certificate = ca.issueDeviceCertificate(keys.getPublic(), request.subject(), validityDays);
            key = Pem.encode(keys.getPrivate()).getBytes(StandardCharsets.US_ASCII);
        } else {
            certificate = ca.signCsr(request.csr(), validityDays);
        }
        byte[] chain = (Pem.encode(certificate) + caPem).getBytes(StandardCharsets.US_ASCII);
        Path keyFile = keyFile(request.id());
        Path certificateFile = certificateFile(request.id());
        Path preparedKey = null;
        Path preparedCertificate = null;
        boolean keyCommitted = false;
        boolean done = false;
        try {
            preparedKey = key == null ? null : SecureFiles.prepare(keyFile, key, true);
            preparedCertificate = SecureFiles.prepare(certificateFile, chain, false);
            if (preparedKey != null) {
                SecureFiles.commit(preparedKey, keyFile);
                keyCommitted = true;
            }
            SecureFiles.commit(preparedCertificate, certificateFile);
            done = true;
        } finally {
            if (!done) {
                SecureFiles.discard(preparedKey);
                SecureFiles.discard(preparedCertificate);
                if (keyCommitted) {
                    SecureFiles.discard(keyFile);
                }
            }
        }
        return record(request, certificate);
    }

    private String problemWith(DeviceRequest request, X509Certificate certificate) throws IOException {
        X509Certificate caCertificate = ca.certificate();
        if (!certificate.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())
                || !Certificates.isSignedBy(certificate, caCertificate.getPublicKey())) {
            return "was issued by another CA than " + caCertificate.getSubjectX500Principal().getName();
        }
        if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
            return "its certificate expired on " + certificate.getNotAfter().toInstant();
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        if (request.generatesKey()) {
            if (!subject.equals(request.subject().toX500Name())) {
                return "its subject " + subject + " differs from the requested " + request.subject();
            }
            Path keyFile = keyFile(request.id());
            if (!Files.exists(keyFile) || !KeyPairs.matches(certificate.getPublicKey(),
                    Pem.readPrivateKey(keyFile, null))) {
                return "its key file " + keyFile + " is missing or does not match the certificate";
            }
        } else if (!Arrays.equals(certificate.getPublicKey().getEncoded(),
                request.csr().getSubjectPublicKeyInfo().getEncoded())) {
            return "its certificate is for another key than the CSR " + request.csrFile();
        }
        return null;
    }

    private static DeviceRecord record(DeviceRequest request, X509Certificate certificate) {
        String id = request.id();
        return new DeviceRecord(id, certificate.getSerialNumber().toString(16), CertificateIds.of(certificate),
                Certificates.subject(certificate), certificate.getNotAfter().toInstant().toString(),
                id + ".crt", request.generatesKey() ? id + ".key" : null);
    }
}
