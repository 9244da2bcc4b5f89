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

    /** Skips {@code register-ca}. */
    public static final String REGISTER_CA_SKIP = "iot.register-ca.skip";
    /** Skips {@code deploy-stack}. */
    public static final String DEPLOY_STACK_SKIP = "iot.deploy-stack.skip";
    /** Skips {@code delete-stack}. */
    public static final String DELETE_STACK_SKIP = "iot.delete-stack.skip";
    /** Skips {@code emulator}. */
    public static final String EMULATOR_SKIP = "iot.emulator.skip";
    /** Skips {@code emulator-start}. */
    public static final String EMULATOR_START_SKIP = "iot.emulator-start.skip";
    /** Skips {@code emulator-stop}. */
    public static final String EMULATOR_STOP_SKIP = "iot.emulator-stop.skip";

    /** Where AWS-facing goals send their calls: {@code local} (the stand-in, default) or {@code aws}. */
    public static final String TARGET = "iot.target";
    /** AWS region for {@code iot.target=aws}. */
    public static final String REGION = "iot.region";
    /** AWS profile for {@code iot.target=aws}. */
    public static final String PROFILE = "iot.profile";
    /** Id of the settings.xml {@code <server>} holding AWS keys (username = access key id, password = secret). */
    public static final String SERVER_ID = "iot.serverId";
    /** State directory of the stand-in. */
    public static final String EMULATOR_STATE_DIRECTORY = "iot.emulator.stateDirectory";
    /** Faults a stand-in started by the build injects on purpose (its {@code --faults}). */
    public static final String EMULATOR_FAULTS = "iot.emulator.faults";
    /** MQTT port of a stand-in the build starts (unset: 8883 when free; 0: a free port). */
    public static final String EMULATOR_MQTT_PORT = "iot.emulator.mqttPort";
    /**
     * For tests of the {@code aws} path: a stand-in state directory whose endpoints replace AWS's own (credentials,
     * STS and DescribeEndpoint still go through the {@code aws} code path).
     */
    public static final String AWS_ENDPOINT_OVERRIDE = "iot.aws.endpointOverride";

    /** CloudFormation stack name. */
    public static final String STACK_NAME = "iot.stackName";
    /** A bundled template name ({@code jitp-provisioning}, {@code sqs-forwarding}, {@code loadtest-policy}) or a file. */
    public static final String STACK_TEMPLATE = "iot.stackTemplate";
    /** Stack parameter overrides, {@code Key=Value,Key2=Value2}. */
    public static final String STACK_PARAMETERS = "iot.stackParameters";
    /** JITP provisioning template file for {@code register-ca}. */
    public static final String TEMPLATE_BODY = "iot.templateBody";
    /** IAM role AWS IoT assumes to run the JITP template. */
    public static final String ROLE_ARN = "iot.roleArn";
    /** CA certificate mode for {@code register-ca}: {@code DEFAULT} or {@code SNI_ONLY}. */
    public static final String CERTIFICATE_MODE = "iot.certificateMode";

    /** Folder holding the CA files. */
    public static final String CA_DIRECTORY = "iot.caDirectory";
    /** CA name: the prefix of {@code <name>.ca.pem} and {@code <name>.ca.key}. */
    public static final String CA_NAME = "iot.caName";
    /** Id of the settings.xml {@code <server>} whose password encrypts the CA key. */
    public static final String CA_PASSWORD_SERVER_ID = "iot.caPasswordServerId";
    /** Name of the environment variable holding the CA key password. */
    public static final String CA_PASSWORD_ENV = "iot.caPasswordEnv";
    /** PKCS#11 module (shared library) of the token create-ca generates the CA key in; unset keeps a key file. */
    public static final String PKCS11_LIBRARY = "iot.pkcs11.library";
    /** Slot id of that token (takes precedence over the slot list index). */
    public static final String PKCS11_SLOT = "iot.pkcs11.slot";
    /** Position of that token in the module's slot list, when no slot id is given. */
    public static final String PKCS11_SLOT_LIST_INDEX = "iot.pkcs11.slotListIndex";
    /** Alias (label) of the CA key in the token. */
    public static final String PKCS11_KEY_ALIAS = "iot.pkcs11.keyAlias";
    /** Id of the settings.xml {@code <server>} whose password is the token PIN. */
    public static final String PKCS11_PIN_SERVER_ID = "iot.pkcs11.pinServerId";
    /** Name of the environment variable holding the token PIN. */
    public static final String PKCS11_PIN_ENV = "iot.pkcs11.pinEnv";
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

    /** Skips {@code smoke-connect}. */
    public static final String SMOKE_CONNECT_SKIP = "iot.smoke-connect.skip";
    /** Skips {@code pub}. */
    public static final String PUB_SKIP = "iot.pub.skip";
    /** Skips {@code sub}. */
    public static final String SUB_SKIP = "iot.sub.skip";
    /** Skips {@code create-thing}. */
    public static final String CREATE_THING_SKIP = "iot.create-thing.skip";
    /** Skips {@code delete-thing}. */
    public static final String DELETE_THING_SKIP = "iot.delete-thing.skip";
    /** Skips {@code device-status}. */
    public static final String DEVICE_STATUS_SKIP = "iot.device-status.skip";
    /** Skips {@code enable-certificate}. */
    public static final String ENABLE_CERTIFICATE_SKIP = "iot.enable-certificate.skip";
    /** Skips {@code disable-certificate}. */
    public static final String DISABLE_CERTIFICATE_SKIP = "iot.disable-certificate.skip";
    /** Skips {@code thing-certificates}. */
    public static final String THING_CERTIFICATES_SKIP = "iot.thing-certificates.skip";

    /** The thing (device) a management goal, {@code pub} or {@code sub} acts on. */
    public static final String THING = "iot.thing";
    /** MQTT topic ({@code pub}, {@code smoke-connect}) or topic filter ({@code sub}). */
    public static final String TOPIC = "iot.topic";
    /** Message {@code pub} publishes. */
    public static final String MESSAGE = "iot.message";
    /** {@code sub} stops after this many messages. */
    public static final String MESSAGE_COUNT = "iot.messageCount";
    /** {@code sub} stops after this many seconds. */
    public static final String TIMEOUT = "iot.timeout";
    /** MQTT QoS (0 or 1). */
    public static final String QOS = "iot.qos";
    /** MQTT version: {@code 5} or {@code 3.1.1}. */
    public static final String MQTT_VERSION = "iot.mqttVersion";
    /** MQTT port; 0 takes the target's (8883 on AWS). */
    public static final String MQTT_PORT = "iot.mqttPort";
    /** Offer ALPN {@code x-amzn-mqtt-ca} (AWS's MQTT on port 443). */
    public static final String MQTT_ALPN = "iot.mqttAlpn";
    /** Bound on each MQTT operation, in seconds. */
    public static final String MQTT_TIMEOUT = "iot.mqttTimeout";
    /** MQTT connection attempts per device (the JITP first connection is dropped). */
    public static final String CONNECT_ATTEMPTS = "iot.connectAttempts";
    /** Seconds a device may spend reconnecting after losing the server. */
    public static final String RECONNECT_BUDGET = "iot.reconnectBudget";
    /** Devices smoke-tested at the same time. */
    public static final String SMOKE_PARALLELISM = "iot.smoke.parallelism";
    /** Failed devices tolerated before smoke-connect fails the build. */
    public static final String SMOKE_MAX_FAILURES = "iot.smoke.maxFailures";
    /** Comma-separated device ids to smoke-test instead of the whole manifest. */
    public static final String SMOKE_DEVICES = "iot.smoke.devices";
    /** A topic the device policy must refuse, checked last by smoke-connect. */
    public static final String SMOKE_FOREIGN_TOPIC = "iot.smoke.foreignTopic";
    /** Whether smoke-connect also asks the control plane about each device. */
    public static final String SMOKE_CONTROL_PLANE = "iot.smoke.controlPlane";

    /** Skips {@code bundle-devices}. */
    public static final String BUNDLE_DEVICES_SKIP = "iot.bundle-devices.skip";
    /** The firmware file {@code bundle-devices} puts in every bundle (default: the project's artifact). */
    public static final String BUNDLE_FIRMWARE = "iot.bundle.firmware";

    /** Skips {@code loadtest}. */
    public static final String LOADTEST_SKIP = "iot.loadtest.skip";
    /** Skips {@code loadtest-report}. */
    public static final String LOADTEST_REPORT_SKIP = "iot.loadtest-report.skip";
    /** Publishers in the whole load test. */
    public static final String LOADTEST_PUBLISHERS = "iot.loadtest.publishers";
    /** Subscribers in the whole load test. */
    public static final String LOADTEST_SUBSCRIBERS = "iot.loadtest.subscribers";
    /** Messages per second per publisher. */
    public static final String LOADTEST_RATE = "iot.loadtest.rate";
    /** Payload size in bytes. */
    public static final String LOADTEST_PAYLOAD_SIZE = "iot.loadtest.payloadSize";
    /** QoS 0 or 1. */
    public static final String LOADTEST_QOS = "iot.loadtest.qos";
    /** Measured seconds. */
    public static final String LOADTEST_DURATION = "iot.loadtest.duration";
    /** Seconds over which devices connect. */
    public static final String LOADTEST_RAMP_UP = "iot.loadtest.rampUp";
    /** MQTT version, 5 or 3.1.1. */
    public static final String LOADTEST_MQTT_VERSION = "iot.loadtest.mqttVersion";
    /** This process's shard, K/N with K zero-based. */
    public static final String LOADTEST_SHARD = "iot.loadtest.shard";
    /** Run a plan breaking AWS IoT's default quotas against AWS anyway. */
    public static final String LOADTEST_FORCE = "iot.loadtest.force";
    /** Whether a collector device receives the forwards (publish-to-forward latency). */
    public static final String LOADTEST_COLLECTOR = "iot.loadtest.collector";
    /** Threads of the load test's Netty event loop (0: half the cores, at least one). */
    public static final String LOADTEST_EVENT_LOOP_THREADS = "iot.loadtest.eventLoopThreads";
    /** The load test's MQTT client: {@code netty} (default) or {@code hivemq}. */
    public static final String LOADTEST_CLIENT = "iot.loadtest.client";
    /** Shard output folders (or report.json files) {@code loadtest-report} merges, comma-separated. */
    public static final String LOADTEST_INPUTS = "iot.loadtest.inputs";
    /** Threshold: achieved / expected message rate at least. */
    public static final String LOADTEST_MIN_RATE_RATIO = "iot.loadtest.minRateRatio";
    /** Threshold: delivery latency p99 at most, in milliseconds. */
    public static final String LOADTEST_MAX_P99_MILLIS = "iot.loadtest.maxP99Millis";
    /** Threshold: lost / expected messages at most. */
    public static final String LOADTEST_MAX_LOSS = "iot.loadtest.maxLoss";

    private PropertyNames() {
    }
}
