package io.jitp.core.smoke;

import io.jitp.core.InvalidInputException;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.devices.Manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A device to smoke-test: its id (CommonName, client id, thing name) and its files.
 *
 * @param id              device id
 * @param certificateFile its certificate chain
 * @param keyFile         its private key
 */
public record SmokeDevice(String id, Path certificateFile, Path keyFile) {

    /**
     * The devices of a {@code provision-devices} manifest, optionally only some of them.
     *
     * @param devicesFolder the folder holding {@code manifest.json} and the device files
     * @param only          ids to keep; empty for every device
     * @return the devices, in manifest order
     * @throws InvalidInputException if there is no manifest, a device has no key file, or a listed id is unknown
     */
    public static List<SmokeDevice> fromManifest(Path devicesFolder, Set<String> only) {
        if (!Files.isRegularFile(devicesFolder.resolve(Manifest.JSON))) {
            throw new InvalidInputException("No " + Manifest.JSON + " in " + devicesFolder + ": run iot:provision-devices"
                    + " first, or point -Diot.outputDirectory at the folder holding it");
        }
        List<SmokeDevice> devices = new ArrayList<>();
        for (DeviceRecord record : Manifest.readOrEmpty(devicesFolder).devices()) {
            if (!only.isEmpty() && !only.contains(record.id())) {
                continue;
            }
            if (record.keyFile() == null) {
                throw new InvalidInputException("Device " + record.id() + " was issued from a CSR, so its private key"
                        + " is not here and it cannot be smoke-tested; leave it out with -Diot.smoke.devices=...");
            }
            devices.add(new SmokeDevice(record.id(), devicesFolder.resolve(record.certificateFile()),
                    devicesFolder.resolve(record.keyFile())));
        }
        Set<String> unknown = new TreeSet<>(only);
        devices.forEach(d -> unknown.remove(d.id()));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Not in " + devicesFolder.resolve(Manifest.JSON) + ": " + unknown);
        }
        if (devices.isEmpty()) {
            throw new InvalidInputException("The manifest in " + devicesFolder + " lists no devices");
        }
        return devices;
    }
}
