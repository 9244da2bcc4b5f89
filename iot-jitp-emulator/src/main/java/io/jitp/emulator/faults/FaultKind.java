package io.jitp.emulator.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an injected fault does, and the error each protocol answers with (AWS's own codes and statuses). */
public enum FaultKind {
    /** AWS refusing for the request rate: REST-JSON 429 {@code ThrottlingException}, query 400 {@code Throttling}. */
    THROTTLING(429, "ThrottlingException", 400, "Throttling", "Rate exceeded"),
    /** A server-side failure: 500 {@code InternalFailureException} / {@code InternalFailure}. */
    INTERNAL_FAILURE(500, "InternalFailureException", 500, "InternalFailure",
            "An internal failure occurred (injected by the stand-in's --faults)"),
    /** The service momentarily away: 503 {@code ServiceUnavailableException} / {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableException", 503, "ServiceUnavailable",
            "The service is unavailable (injected by the stand-in's --faults)"),
    /** A validation error no retry can cure: 400 {@code InvalidRequestException} / {@code ValidationError}. */
    INVALID_REQUEST(400, "InvalidRequestException", 400, "ValidationError",
            "Invalid request (injected by the stand-in's --faults)"),
    /** The answer comes, but only after a delay. */
    DELAY(0, null, 0, null, null),
    /** The HTTP connection is closed without any answer. */
    DROP(0, null, 0, null, null),
    /** The MQTT connection is closed right after its CONNACK. */
    MQTT_DROP(0, null, 0, null, null);

    private final int restStatus;
    private final String restCode;
    private final int queryStatus;
    private final String queryCode;
    private final String message;

    FaultKind(int restStatus, String restCode, int queryStatus, String queryCode, String message) {
        this.restStatus = restStatus;
        this.restCode = restCode;
        this.queryStatus = queryStatus;
        this.queryCode = queryCode;
        this.message = message;
    }

    /** @return true if this fault is an error answer (as opposed to a delay or a dropped connection) */
    public boolean isError() {
        return restCode != null;
    }

    /** @return the HTTP status of the REST-JSON (IoT) error */
    public int restStatus() {
        return restStatus;
    }

    /** @return the {@code x-amzn-ErrorType} of the REST-JSON (IoT) error */
    public String restCode() {
        return restCode;
    }

    /** @return the HTTP status of the query-protocol (CloudFormation) error */
    public int queryStatus() {
        return queryStatus;
    }

    /** @return the {@code <Code>} of the query-protocol (CloudFormation) error */
    public String queryCode() {
        return queryCode;
    }

    /** @return the error message */
    public String message() {
        return message;
    }

    /** @return the name used in a fault spec, e.g. {@code internal-failure} */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name a spec name such as {@code throttling}
     * @return the kind
     * @throws IllegalArgumentException listing the known names
     */
    static FaultKind ofSpecName(String name) {
        for (FaultKind kind : values()) {
            if (kind.specName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'; use one of "
                + Arrays.stream(values()).map(FaultKind::specName).collect(Collectors.joining(", ")));
    }
}
