package io.jitp.core.mqtt;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The broker refused an MQTT operation: a reason code (MQTT 5, or the MQTT 3.1.1 CONNACK return code / SUBACK
 * failure), or the connection was closed instead of answered — how AWS IoT answers an unauthorized PUBLISH and the
 * first connection of a JITP device.
 */
public final class MqttRefusedException extends IOException {
    /** Marks "no reason code: the connection was closed or timed out". */
    public static final int NO_REASON_CODE = -1;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x80, "unspecified error"), Map.entry(0x83, "implementation specific error"),
            Map.entry(0x85, "client identifier not valid"), Map.entry(0x86, "bad user name or password"),
            Map.entry(0x87, "not authorized"), Map.entry(0x88, "server unavailable"),
            Map.entry(0x8F, "topic filter invalid"), Map.entry(0x90, "topic name invalid"),
            Map.entry(0x97, "quota exceeded"), Map.entry(0x9F, "connection rate exceeded"));
    private static final Map<Integer, String> V3_CONNACK = Map.of(1, "unacceptable protocol version",
            2, "identifier rejected", 3, "server unavailable", 4, "bad user name or password", 5, "not authorized");
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int reasonCode;

    /**
     * @param operation  what was refused, e.g. {@code PUBLISH to topic/x}
     * @param reasonCode the broker's code, or {@link #NO_REASON_CODE}
     * @param detail     what happened when there is no code (connection lost, timeout), or null
     * @param cause      the client library's exception, or null
     */
    public MqttRefusedException(String operation, int reasonCode, String detail, Throwable cause) {
        super(operation + " refused: " + describe(operation, reasonCode, detail), cause);
        this.operation = operation;
        this.reasonCode = reasonCode;
    }

    private static String describe(String operation, int reasonCode, String detail) {
        if (reasonCode == NO_REASON_CODE) {
            return detail == null ? "connection closed without an answer" : detail;
        }
        String name = reasonCode < 0x80 && operation.startsWith("CONNECT") ? V3_CONNACK.get(reasonCode)
                : NAMES.get(reasonCode);
        return String.format(Locale.ROOT, "reason code 0x%02X%s", reasonCode, name == null ? "" : " (" + name + ")");
    }

    /** @return what was refused */
    public String operation() {
        return operation;
    }

    /** @return the broker's reason code, or {@link #NO_REASON_CODE} */
    public int reasonCode() {
        return reasonCode;
    }

    /** @return true if the broker answered "connection rate exceeded" (AWS: 1 CONNECT/s per client id) */
    public boolean isRateLimited() {
        return reasonCode == 0x9F;
    }
}
