package io.jitp.core.devices;

import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code manifest.json} and {@code manifest.csv} in the devices folder: every device whose files exist, sorted by id.
 * Both are replaced atomically, so a reader never sees half a manifest.
 *
 * @param caCertificateId certificate id of the issuing CA
 * @param caSubject       subject of the issuing CA
 * @param devices         the devices, sorted by id
 */
public record Manifest(String caCertificateId, String caSubject, List<DeviceRecord> devices) {
    /** File name of the JSON manifest. */
    public static final String JSON = "manifest.json";
    /** File name of the CSV manifest. */
    public static final String CSV = "manifest.csv";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Sorts the devices by id, so reruns produce identical files. */
    public Manifest {
        devices = devices.stream().sorted(Comparator.comparing(DeviceRecord::id)).toList();
    }

    /**
     * @param folder the devices folder
     * @return the manifest there, or empty (no devices) if there is none or it cannot be parsed
     */
    public static Manifest readOrEmpty(Path folder) {
        Path file = folder.resolve(JSON);
        if (Files.isRegularFile(file)) {
            try {
                return MAPPER.readValue(file.toFile(), Manifest.class);
            } catch (IOException e) {
                // An unreadable manifest is rebuilt from the files that exist; nothing is lost.
            }
        }
        return new Manifest(null, null, List.of());
    }

    /**
     * Writes both manifest files atomically.
     *
     * @param folder the devices folder
     * @throws IOException if the folder is not writable
     */
    public void write(Path folder) throws IOException {
        SecureFiles.writePublic(folder.resolve(JSON), MAPPER.writeValueAsString(this) + "\n");
        StringBuilder csv = new StringBuilder("id,serial,certificateId,subject,notAfter,certificateFile,keyFile\n");
        for (DeviceRecord d : devices) {
            csv.append(CsvLine.join(Arrays.asList(d.id(), d.serial(), d.certificateId(), d.subject(), d.notAfter(),
                    d.certificateFile(), d.keyFile()))).append('\n');
        }
        SecureFiles.writePublic(folder.resolve(CSV), csv.toString());
    }

    /**
     * @param folder the devices folder
     * @param exclude ids to leave out (they are being re-examined)
     * @return the devices of this manifest, other than the excluded ones, whose certificate file still holds the
     *         recorded certificate
     */
    List<DeviceRecord> stillPresent(Path folder, Set<String> exclude) {
        List<DeviceRecord> present = new ArrayList<>();
        for (DeviceRecord d : devices) {
            if (!exclude.contains(d.id()) && holdsCertificate(folder.resolve(d.certificateFile()), d.certificateId())) {
                present.add(d);
            }
        }
        return present;
    }

    private static boolean holdsCertificate(Path file, String certificateId) {
        try {
            return certificateId.equals(CertificateIds.of(Pem.readCertificate(file)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
