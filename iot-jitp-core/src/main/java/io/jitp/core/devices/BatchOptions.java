package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.KeyAlgorithm;

import java.nio.file.Path;

/**
 * How to issue a batch.
 *
 * @param devicesFolder where the device files and the manifest go
 * @param keyAlgorithm  key type of generated device keys
 * @param validityDays  device certificate validity
 * @param threads       parallel workers (the number of cores is a good choice)
 * @param force         reissue devices that already exist
 */
public record BatchOptions(Path devicesFolder, KeyAlgorithm keyAlgorithm, int validityDays, int threads,
                           boolean force) {
    /** Checks the numbers. */
    public BatchOptions {
        if (validityDays < 1) {
            throw new InvalidInputException("Device validity (iot.validityDays) must be at least 1 day, not " + validityDays);
        }
        if (threads < 1) {
            throw new InvalidInputException("Thread count must be at least 1, not " + threads);
        }
    }

    /**
     * @param devicesFolder where the device files go
     * @param keyAlgorithm  key type
     * @param validityDays  validity
     * @param force         reissue existing devices
     * @return options using every available core
     */
    public static BatchOptions onAllCores(Path devicesFolder, KeyAlgorithm keyAlgorithm, int validityDays,
                                          boolean force) {
        return new BatchOptions(devicesFolder, keyAlgorithm, validityDays,
                Runtime.getRuntime().availableProcessors(), force);
    }
}
