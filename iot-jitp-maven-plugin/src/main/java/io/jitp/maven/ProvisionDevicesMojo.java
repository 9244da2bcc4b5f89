package io.jitp.maven;

import io.jitp.core.devices.CsrDirectory;
import io.jitp.core.devices.DeviceListFile;
import io.jitp.core.devices.DeviceRequest;
import io.jitp.core.devices.DeviceSources;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Issues a batch of device certificates in parallel on all cores, from exactly one source: a count and a prefix, a
 * CSV list file, or a folder of CSRs. Writes {@code devices/manifest.json} and {@code devices/manifest.csv}. A rerun
 * keeps the valid devices that exist and adds only the missing ones.
 */
@Mojo(name = "provision-devices", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class ProvisionDevicesMojo extends AbstractDeviceMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROVISION_DEVICES_SKIP, defaultValue = "false")
    private boolean skipProvisionDevices;

    /**
     * Number of devices to issue, named {@code <devicePrefix>0} to {@code <devicePrefix><count-1>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_COUNT)
    private Integer deviceCount;

    /**
     * Id prefix of numbered devices.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_PREFIX, defaultValue = "device-")
    private String devicePrefix;

    /**
     * CSV file listing the devices: a device id per line; an optional header {@code id,C,O,OU,ST,L,serialNumber,
     * dnQualifier} (any subset after {@code id}) gives per-device subject attributes.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEVICE_LIST)
    private File deviceList;

    /**
     * Folder of PKCS#10 CSRs ({@code *.csr}, {@code *.pem}) to sign; each device id is its CSR's CN. No key is
     * written: it stays where the CSR was made (e.g. a secure element).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CSR_DIRECTORY)
    private File csrDirectory;

    @Override
    protected void run() throws IOException, MojoFailureException {
        int sources = (deviceCount != null ? 1 : 0) + (deviceList != null ? 1 : 0) + (csrDirectory != null ? 1 : 0);
        if (sources != 1) {
            throw new MojoFailureException("Name exactly one source of devices (" + sources + " given): -D"
                    + PropertyNames.DEVICE_COUNT + "=100 [-D" + PropertyNames.DEVICE_PREFIX + "=sensor-], -D"
                    + PropertyNames.DEVICE_LIST + "=devices.csv, or -D" + PropertyNames.CSR_DIRECTORY + "=csrs");
        }
        issue(requests());
    }

    private List<DeviceRequest> requests() throws IOException {
        if (deviceList != null) {
            return DeviceListFile.read(deviceList.toPath(), deviceDefaults());
        }
        if (csrDirectory != null) {
            return CsrDirectory.read(csrDirectory.toPath());
        }
        return DeviceSources.numbered(devicePrefix, deviceCount, deviceDefaults());
    }

    @Override
    protected String goal() {
        return "provision-devices";
    }

    @Override
    protected boolean skipGoal() {
        return skipProvisionDevices;
    }
}
