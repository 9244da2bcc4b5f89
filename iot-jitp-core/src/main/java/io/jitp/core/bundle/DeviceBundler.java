package io.jitp.core.bundle;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.devices.Manifest;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SecureFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Packs one ship bundle per device that passed smoke-connect: {@code <bundles>/<id>.zip} holding
 * {@code firmware/<file>}, {@code device/certificate.pem} (device certificate, then the CA),
 * {@code device/private.key}, {@code root-ca.pem} (the roots to trust for the endpoint) and {@code endpoint.json}.
 * A device that failed or was not tested gets no bundle, and a bundle left from an earlier build for such a device is
 * deleted: only what passed the connect test ships. Bundles hold a private key, so they are written 0600 and atomically; a bundle whose bytes would
 * not change is left untouched.
 */
public final class DeviceBundler {
    /** Suffix of bundle files. */
    public static final String SUFFIX = ".zip";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BundleEndpoint endpoint;
    private final Reporter reporter;

    /**
     * @param endpoint where the devices connect
     * @param reporter where progress goes (never a key)
     */
    public DeviceBundler(BundleEndpoint endpoint, Reporter reporter) {
        this.endpoint = endpoint;
        this.reporter = reporter;
    }

    /**
     * @param devicesFolder the {@code provision-devices} folder holding {@code manifest.json}
     * @param smokeReport   smoke-connect's JUnit XML report; missing or older than the manifest means no device was
     *                      tested
     * @param firmware      the firmware artifact every bundle carries
     * @param bundlesFolder where the bundles go
     * @return what was done
     * @throws IOException           if a file cannot be read or written
     * @throws InvalidInputException if the manifest or the firmware is missing
     */
    public BundleReport bundle(Path devicesFolder, Path smokeReport, Path firmware, Path bundlesFolder)
            throws IOException {
        Path manifestFile = devicesFolder.resolve(Manifest.JSON);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidInputException("No " + Manifest.JSON + " in " + devicesFolder
                    + ": run iot:provision-devices and iot:smoke-connect first");
        }
        if (!Files.isRegularFile(firmware)) {
            throw new InvalidInputException("No firmware file " + firmware + ": bind bundle-devices to the package"
                    + " phase after the artifact is built, or name the file with -Diot.bundle.firmware=...");
        }
        SmokeResults results = currentResults(smokeReport, manifestFile);
        byte[] firmwareBytes = Files.readAllBytes(firmware);
        byte[] roots = pem(endpoint.trustAnchors());
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> failed = new TreeMap<>();
        List<String> untested = new ArrayList<>();
        Set<String> passed = new TreeSet<>();
        for (DeviceRecord device : Manifest.readOrEmpty(devicesFolder).devices()) {
            if (results == null || !results.tested(device.id()) || device.keyFile() == null) {
                untested.add(device.id());
            } else if (results.failure(device.id()) != null) {
                failed.put(device.id(), results.failure(device.id()));
            } else {
                passed.add(device.id());
                byte[] zip = new ZipImage()
                        .add("firmware/" + firmware.getFileName(), firmwareBytes)
                        .add("device/certificate.pem",
                                Files.readAllBytes(devicesFolder.resolve(device.certificateFile())))
                        .add("device/private.key", Files.readAllBytes(devicesFolder.resolve(device.keyFile())))
                        .add("root-ca.pem", roots)
                        .add("endpoint.json", endpointJson(device.id()))
                        .finish();
                (writeIfChanged(bundlesFolder.resolve(device.id() + SUFFIX), zip) ? written : unchanged)
                        .add(device.id());
            }
        }
        return new BundleReport(written, unchanged, failed, untested, removeOthers(bundlesFolder, passed));
    }

    private SmokeResults currentResults(Path smokeReport, Path manifestFile) throws IOException {
        if (!Files.isRegularFile(smokeReport)) {
            reporter.warn("No smoke-connect report " + smokeReport + ": no device is bundled; run iot:smoke-connect"
                    + " before bundle-devices");
            return null;
        }
        if (Files.getLastModifiedTime(smokeReport).compareTo(Files.getLastModifiedTime(manifestFile)) < 0) {
            reporter.warn("The smoke-connect report " + smokeReport + " is older than the device manifest: no device"
                    + " is bundled; run iot:smoke-connect again");
            return null;
        }
        return SmokeResults.read(smokeReport);
    }

    private byte[] endpointJson(String id) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", endpoint.target());
        json.put("region", endpoint.region());
        json.put("host", endpoint.host());
        if (endpoint.port() > 0) {
            json.put("port", endpoint.port());
        } else {
            json.put("portFrom", endpoint.standInEndpoints() + " (field mqttPort, while the stand-in runs)");
        }
        json.put("clientId", id);
        json.put("thingName", id);
        json.put("certificate", "device/certificate.pem");
        json.put("privateKey", "device/private.key");
        json.put("rootCa", "root-ca.pem");
        return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pem(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        certificates.forEach(c -> text.append(Pem.encode(c)));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean writeIfChanged(Path file, byte[] zip) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), zip)) {
            return false;
        }
        SecureFiles.commit(SecureFiles.prepare(file, zip, true), file);
        return true;
    }

    private static List<String> removeOthers(Path bundlesFolder, Set<String> keep) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(bundlesFolder)) {
            return removed;
        }
        try (Stream<Path> files = Files.list(bundlesFolder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, Math.max(0, name.length() - SUFFIX.length()));
                if (name.endsWith(SUFFIX) && !keep.contains(id)) {
                    Files.delete(file);
                    removed.add(id);
                }
            }
        }
        return removed;
    }
}
