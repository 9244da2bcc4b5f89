package io.jitp.maven;

import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceRequest;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the goals that issue device certificates share: key type, validity, subject attributes, output folder, and
 * running the batch. Device files go to {@code <outputDirectory>/devices}.
 */
public abstract class AbstractDeviceMojo extends AbstractCaMojo {
    /**
     * Device key type: {@code EC_P256}, {@code EC_P384}, {@code RSA_2048}, {@code RSA_3072} or {@code RSA_4096}.
     * Ignored for CSRs (their key is made elsewhere).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.KEY_ALGORITHM, defaultValue = "EC_P256")
    private String keyAlgorithm;

    /**
     * Device certificate validity in days (the seed used 500); never beyond the CA's own end of validity.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALIDITY_DAYS, defaultValue = "500")
    private int validityDays;

    /**
     * Folder for generated files; devices go to its {@code devices} subfolder with {@code manifest.json} and
     * {@code manifest.csv}. Defaults to {@code ${project.build.directory}/iot-jitp}, or {@code ./target/iot-jitp}
     * when run without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
    private File outputDirectory;

    /**
     * Reissue devices that already exist (new keys and certificates). Without it, existing valid devices are kept.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    private boolean force;

    /**
     * Device subject country (C), two letters; a JITP template can read it.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_COUNTRY)
    private String country;

    /**
     * Device subject locality (L).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_LOCALITY)
    private String locality;

    /**
     * Device subject state or province (ST).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_STATE)
    private String state;

    /**
     * Device subject organization (O).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_ORGANIZATION)
    private String organization;

    /**
     * Device subject organizational unit (OU).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_ORGANIZATIONAL_UNIT)
    private String organizationalUnit;

    /**
     * Device subject serialNumber attribute (a JITP template parameter, not the certificate serial).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_SERIAL_NUMBER)
    private String serialNumber;

    /**
     * Device subject dnQualifier attribute.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_DN_QUALIFIER)
    private String dnQualifier;

    /**
     * Parallel workers; 0 uses every core.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.THREADS, defaultValue = "0")
    private int threads;

    /**
     * @return the subject attributes configured for every device (no CN)
     */
    protected SubjectProfile deviceDefaults() {
        return new SubjectProfile(null, country, locality, state, organization, organizationalUnit, serialNumber,
                dnQualifier);
    }

    /**
     * Loads the CA (before anything is written, so an unusable CA leaves no output), issues the devices and logs
     * a summary.
     *
     * @param requests the devices wanted
     * @return what happened
     * @throws IOException          on unexpected I/O errors
     * @throws MojoFailureException if the CA password source is misconfigured
     */
    protected BatchResult issue(List<DeviceRequest> requests) throws IOException, MojoFailureException {
        KeyAlgorithm algorithm = KeyAlgorithm.parse(keyAlgorithm, PropertyNames.KEY_ALGORITHM);
        CertificateAuthority ca = loadCa();
        Path folder = outputFolder(outputDirectory).resolve("devices");
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        BatchResult result = new DeviceBatch(ca, new BatchOptions(folder, algorithm, validityDays, workers, force),
                reporter()).run(requests);
        getLog().info(String.format(Locale.ROOT, "%d device(s) issued, %d kept, %d in %s (%.0f devices/s)",
                result.issued().size(), result.kept().size(), result.manifest().devices().size(),
                result.manifestFile(), result.devicesPerSecond()));
        return result;
    }
}
