package io.jitp.emulator;

import io.jitp.emulator.faults.FaultPlan;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a stand-in is configured. Build one with {@link #builder(Path)}; every setting has a documented default.
 *
 * @param stateDirectory where state, credentials, the root CA and {@code endpoints.json} live
 * @param bindAddress the address the listeners bind; default {@value #DEFAULT_BIND_ADDRESS} (loopback only)
 * @param httpPort the control-plane port (IoT REST, CloudFormation); 0 (default) picks a free port
 * @param mqttPort the MQTT-over-TLS port; 0 (default) picks a free port; {@value #MQTT_PORT_8883_WHEN_FREE} takes
 *        8883 (AWS IoT's port) when it is free, else a free port (the command line's default)
 * @param alpnPort the port for MQTT with ALPN {@code x-amzn-mqtt-ca} (AWS's 443); -1 (default) disables it
 * @param region the region in ARNs and signatures; default {@value #DEFAULT_REGION}
 * @param accountId the account in ARNs; default {@value #DEFAULT_ACCOUNT_ID}
 * @param accessKeyId the access key clients must sign with; default {@value #DEFAULT_ACCESS_KEY_ID}
 * @param secretAccessKey the matching secret; null (default) means a random secret generated once per state
 *        directory and kept in {@code credentials.json} there
 * @param dataEndpointHost the host DescribeEndpoint returns for {@code iot:Data-ATS}; default
 *        {@value #DEFAULT_DATA_ENDPOINT_HOST}, which resolves to this machine where the MQTT listener is
 * @param quotasMode whether AWS IoT's default quotas are enforced; default off
 * @param parentPid the process whose end stops the stand-in; 0 (default) for none
 * @param maxRequestBytes the largest control-plane request body accepted (larger ones get 413); default
 *        {@value #DEFAULT_MAX_REQUEST_BYTES}
 * @param faults the faults to inject on purpose; default {@link FaultPlan#NONE}
 */
public record EmulatorConfig(Path stateDirectory, String bindAddress, int httpPort, int mqttPort, int alpnPort,
        String region, String accountId, String accessKeyId, String secretAccessKey, String dataEndpointHost,
        QuotasMode quotasMode, long parentPid, long maxRequestBytes, FaultPlan faults) {

    /** Default bind address: loopback only, so nothing outside this machine reaches the stand-in. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Default region. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** Default account id (AWS's documentation example account). */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** Default access key id: AWS's shape (20 characters, AKIA prefix), obviously not a real key. */
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOTJITPSTANDIN00";
    /** Default data endpoint host. */
    public static final String DEFAULT_DATA_ENDPOINT_HOST = "localhost";
    /**
     * Default request body limit, 1 MiB: well above the largest request these APIs take (CloudFormation's
     * TemplateBody is limited to 51,200 bytes, a few times that once form-encoded; IoT's certificates, policies and
     * JITP templates are a few KiB), so only a runaway or hostile client meets it.
     */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** The MQTT port that means: 8883 when it is free, else a free port. */
    public static final int MQTT_PORT_8883_WHEN_FREE = -1;

    /** Checks the settings. */
    public EmulatorConfig {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        requirePort(httpPort, "httpPort", null);
        requirePort(mqttPort, "mqttPort", "for 8883 when free");
        requirePort(alpnPort, "alpnPort", "to disable");
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id must be 12 digits, got " + accountId);
        }
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("region must look like us-east-1, got " + region);
        }
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("access key id must not be empty");
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataEndpointHost, "dataEndpointHost");
        Objects.requireNonNull(quotasMode, "quotasMode");
        if (parentPid < 0) {
            throw new IllegalArgumentException("parent pid must be a process id, got " + parentPid);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("max request bytes must be positive, got " + maxRequestBytes);
        }
        Objects.requireNonNull(faults, "faults");
    }

    /** @param minusOne what -1 means, or null when it is not allowed */
    private static void requirePort(int port, String name, String minusOne) {
        if (port > 65535 || port < (minusOne != null ? -1 : 0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535"
                    + (minusOne != null ? " (or -1 " + minusOne + ")" : "") + ", got " + port);
        }
    }

    /**
     * @param stateDirectory the state directory
     * @return a builder holding the defaults
     */
    public static Builder builder(Path stateDirectory) {
        return new Builder(stateDirectory);
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        return new Builder(stateDirectory).bindAddress(bindAddress).httpPort(httpPort).mqttPort(mqttPort)
                .alpnPort(alpnPort).region(region).accountId(accountId).accessKeyId(accessKeyId)
                .secretAccessKey(secretAccessKey).dataEndpointHost(dataEndpointHost).quotasMode(quotasMode)
                .parentPid(parentPid).maxRequestBytes(maxRequestBytes).faults(faults);
    }

    /** Builds an {@link EmulatorConfig}; unset settings keep their defaults. */
    public static final class Builder {
        private Path stateDirectory;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int httpPort;
        private int mqttPort;
        private int alpnPort = -1;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String secretAccessKey;
        private String dataEndpointHost = DEFAULT_DATA_ENDPOINT_HOST;
        private QuotasMode quotasMode = QuotasMode.OFF;
        private long parentPid;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private FaultPlan faults = FaultPlan.NONE;

        private Builder(Path stateDirectory) {
            this.stateDirectory = stateDirectory;
        }

        /** @param value the state directory @return this */
        public Builder stateDirectory(Path value) {
            stateDirectory = value;
            return this;
        }

        /** @param value the bind address @return this */
        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        /** @param value the control-plane port, 0 for a free one @return this */
        public Builder httpPort(int value) {
            httpPort = value;
            return this;
        }

        /** @param value the MQTT port, 0 for a free one @return this */
        public Builder mqttPort(int value) {
            mqttPort = value;
            return this;
        }

        /** @param value the ALPN port, 0 for a free one, -1 to disable @return this */
        public Builder alpnPort(int value) {
            alpnPort = value;
            return this;
        }

        /** @param value the region @return this */
        public Builder region(String value) {
            region = value;
            return this;
        }

        /** @param value the 12-digit account id @return this */
        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        /** @param value the access key id @return this */
        public Builder accessKeyId(String value) {
            accessKeyId = value;
            return this;
        }

        /** @param value the secret access key, null for a generated one @return this */
        public Builder secretAccessKey(String value) {
            secretAccessKey = value;
            return this;
        }

        /** @param value the host DescribeEndpoint returns @return this */
        public Builder dataEndpointHost(String value) {
            dataEndpointHost = value;
            return this;
        }

        /** @param value the quotas mode @return this */
        public Builder quotasMode(QuotasMode value) {
            quotasMode = value;
            return this;
        }

        /** @param value the process whose end stops the stand-in, 0 for none @return this */
        public Builder parentPid(long value) {
            parentPid = value;
            return this;
        }

        /** @param value the largest request body accepted, in bytes @return this */
        public Builder maxRequestBytes(long value) {
            maxRequestBytes = value;
            return this;
        }

        /** @param value the faults to inject @return this */
        public Builder faults(FaultPlan value) {
            faults = value;
            return this;
        }

        /** @return the configuration @throws IllegalArgumentException naming the invalid setting */
        public EmulatorConfig build() {
            return new EmulatorConfig(stateDirectory, bindAddress, httpPort, mqttPort, alpnPort, region, accountId,
                    accessKeyId, secretAccessKey, dataEndpointHost, quotasMode, parentPid, maxRequestBytes, faults);
        }
    }
}
