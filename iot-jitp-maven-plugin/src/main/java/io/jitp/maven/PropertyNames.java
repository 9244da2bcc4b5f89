package io.jitp.maven;

/**
 * Every {@code iot.*} user property of the plugin in one place: the names documentation, integration tests and users'
 * command lines rely on. Renaming one is a breaking change.
 */
public final class PropertyNames {
    /** Skips every goal of this plugin. */
    public static final String SKIP = "iot.skip";
    /** Skips {@code create-ca}. */
    public static final String CREATE_CA_SKIP = "iot.create-ca.skip";
    /** Skips {@code provision}. */
    public static final String PROVISION_SKIP = "iot.provision.skip";
    /** Skips {@code provision-devices}. */
    public static final String PROVISION_DEVICES_SKIP = "iot.provision-devices.skip";

    /** Folder holding the CA files. */
    public static final String CA_DIRECTORY = "iot.caDirectory";
    /** CA name: the prefix of {@code <name>.ca.pem} and {@code <name>.ca.key}. */
    public static final String CA_NAME = "iot.caName";
    /** Id of the settings.xml {@code <server>} whose password encrypts the CA key. */
    public static final String CA_PASSWORD_SERVER_ID = "iot.caPasswordServerId";
    /** Name of the environment variable holding the CA key password. */
    public static final String CA_PASSWORD_ENV = "iot.caPasswordEnv";
    /** CA validity in days. */
    public static final String CA_VALIDITY_DAYS = "iot.ca.validityDays";
    /** CA subject CN. */
    public static final String CA_COMMON_NAME = "iot.ca.commonName";
    /** CA subject C. */
    public static final String CA_COUNTRY = "iot.ca.country";
    /** CA subject L. */
    public static final String CA_LOCALITY = "iot.ca.locality";
    /** CA subject ST. */
    public static final String CA_STATE = "iot.ca.state";
    /** CA subject O. */
    public static final String CA_ORGANIZATION = "iot.ca.organization";
    /** CA subject OU. */
    public static final String CA_ORGANIZATIONAL_UNIT = "iot.ca.organizationalUnit";

    /** Key type of the CA (create-ca) or of device keys (provision goals). */
    public static final String KEY_ALGORITHM = "iot.keyAlgorithm";
    /** Replace what exists (CA, devices) instead of reusing it. */
    public static final String FORCE = "iot.force";
    /** Where device files and manifests go. */
    public static final String OUTPUT_DIRECTORY = "iot.outputDirectory";
    /** Device certificate validity in days. */
    public static final String VALIDITY_DAYS = "iot.validityDays";
    /** Parallel workers for a batch. */
    public static final String THREADS = "iot.threads";

    /** Id of the one device {@code provision} issues. */
    public static final String DEVICE = "iot.device";
    /** Number of devices for a numbered batch. */
    public static final String DEVICE_COUNT = "iot.deviceCount";
    /** Id prefix for a numbered batch. */
    public static final String DEVICE_PREFIX = "iot.devicePrefix";
    /** CSV file listing the devices. */
    public static final String DEVICE_LIST = "iot.deviceList";
    /** Folder of CSRs to sign. */
    public static final String CSR_DIRECTORY = "iot.csrDirectory";
    /** Device subject C. */
    public static final String DEVICE_COUNTRY = "iot.device.country";
    /** Device subject L. */
    public static final String DEVICE_LOCALITY = "iot.device.locality";
    /** Device subject ST. */
    public static final String DEVICE_STATE = "iot.device.state";
    /** Device subject O. */
    public static final String DEVICE_ORGANIZATION = "iot.device.organization";
    /** Device subject OU. */
    public static final String DEVICE_ORGANIZATIONAL_UNIT = "iot.device.organizationalUnit";
    /** Device subject serialNumber attribute. */
    public static final String DEVICE_SERIAL_NUMBER = "iot.device.serialNumber";
    /** Device subject dnQualifier attribute. */
    public static final String DEVICE_DN_QUALIFIER = "iot.device.dnQualifier";

    private PropertyNames() {
    }
}
