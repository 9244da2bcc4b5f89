package io.jitp.core.devices;

import java.nio.file.Path;
import java.util.List;

/**
 * What a batch did.
 *
 * @param issued   devices issued by this run
 * @param kept     devices requested that already existed and were kept
 * @param manifest the manifest written (every device that exists)
 * @param manifestFile the JSON manifest file
 * @param seconds  wall time of the issuing
 */
public record BatchResult(List<DeviceRecord> issued, List<DeviceRecord> kept, Manifest manifest, Path manifestFile,
                          double seconds) {
    /** @return devices issued per second by this run */
    public double devicesPerSecond() {
        return seconds <= 0 ? issued.size() : issued.size() / seconds;
    }
}
