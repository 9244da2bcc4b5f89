package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.Csrs;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of PKCS#10 CSRs ({@code *.csr} or {@code *.pem}), e.g. made on secure elements. Each device id is
 * the CSR's CN. Every CSR's signature is checked here, before anything is issued, so a bad one fails the batch early.
 */
public final class CsrDirectory {
    private CsrDirectory() {
    }

    /**
     * @param directory the folder
     * @return one request per CSR, ordered by file name
     * @throws InvalidInputException naming the folder or file of any problem
     * @throws IOException           if a file cannot be read
     */
    public static List<DeviceRequest> read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("CSR folder " + directory + " (iot.csrDirectory) "
                    + (Files.exists(directory) ? "is a file, not a folder" : "does not exist")
                    + "; name the folder that holds the *.csr files");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".csr") || f.toString().endsWith(".pem"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("CSR folder " + directory + " holds no *.csr or *.pem file");
        }
        List<DeviceRequest> requests = new ArrayList<>();
        for (Path file : files) {
            PKCS10CertificationRequest csr = Pem.readCsr(file);
            requireValidSignature(csr, file);
            KeyAlgorithm.requireAcceptedByAwsIot(csr.getSubjectPublicKeyInfo(), "CSR " + file,
                    "regenerate it with an RSA key of 2048 bits or more, or an EC P-256 key");
            SubjectProfile subject = SubjectProfile.of(csr.getSubject());
            requests.add(new DeviceRequest(subject.commonName(), subject, csr, file));
        }
        DeviceSources.requireUniqueIds(requests, "CSR folder " + directory);
        return requests;
    }

    private static void requireValidSignature(PKCS10CertificationRequest csr, Path file) {
        if (!Csrs.hasValidSignature(csr)) {
            throw new InvalidInputException("CSR " + file + " has a signature that does not verify with its own"
                    + " public key; regenerate it on the device");
        }
    }
}
