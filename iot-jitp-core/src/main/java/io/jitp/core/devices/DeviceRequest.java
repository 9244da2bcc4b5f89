package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.SubjectProfile;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One device to issue: its id (the CN and thing name; also the file name) and either a subject for a key generated
 * here, or a CSR whose key stays where it was made.
 *
 * @param id      device id
 * @param subject subject of the certificate (CN = id); for a CSR, the CSR's own subject
 * @param csr     the signing request, or null to generate a key
 * @param csrFile where the CSR came from, or null
 */
public record DeviceRequest(String id, SubjectProfile subject, PKCS10CertificationRequest csr, Path csrFile) {
    /** AWS IoT thing names: letters, digits, colon, underscore, dash; at most 128. */
    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    /** Checks the id is a valid thing name and a safe file name. */
    public DeviceRequest {
        requireValidId(id, csrFile == null ? "device id" : "CN of " + csrFile);
    }

    /**
     * @param id      device id
     * @param subject subject attributes besides the CN (the CN is set to the id)
     * @return a request for a key generated here
     */
    public static DeviceRequest generated(String id, SubjectProfile subject) {
        return new DeviceRequest(id, subject.withCommonName(id), null, null);
    }

    /** @return true if the key is generated here, false for a CSR */
    public boolean generatesKey() {
        return csr == null;
    }

    /**
     * @param id     a candidate device id
     * @param source where it came from, for the error message
     * @throws InvalidInputException if it is not a valid AWS IoT thing name
     */
    static void requireValidId(String id, String source) {
        if (id == null || !THING_NAME.matcher(id).matches()) {
            throw new InvalidInputException(source + " '" + id + "' is not a valid thing name: use 1 to 128"
                    + " letters, digits, ':', '_' or '-'");
        }
    }
}
