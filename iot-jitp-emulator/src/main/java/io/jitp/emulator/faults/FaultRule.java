package io.jitp.emulator.faults;

import java.util.regex.Pattern;

/**
 * One rule of a {@link FaultPlan}: which fault, how often, and for which requests.
 *
 * @param kind        the fault
 * @param probability chance per matching request, 0 for none
 * @param everyNth    fire on every Nth matching request (N, 2N, …), 0 for none
 * @param operation   glob ({@code *} = any characters) over the request's label, or null for every request: the
 *                    {@code Action} of a query-protocol request ({@code CreateStack}), {@code METHOD /path} of a
 *                    REST request ({@code POST /things/*}), {@code CONNECT client-id} of an MQTT connection
 * @param delayMillis how long a {@link FaultKind#DELAY} waits
 */
public record FaultRule(FaultKind kind, double probability, int everyNth, String operation, long delayMillis) {
    /** Checks the numbers. */
    public FaultRule {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("fault probability must be between 0 and 1, got " + probability);
        }
        if (everyNth < 0) {
            throw new IllegalArgumentException("fault 'every' must be a positive count, got " + everyNth);
        }
        if (probability == 0 && everyNth == 0) {
            throw new IllegalArgumentException("fault " + kind.specName() + " needs probability=P or every=N");
        }
        if (kind == FaultKind.DELAY && delayMillis <= 0) {
            throw new IllegalArgumentException("fault delay needs millis=N (N > 0)");
        }
    }

    /** @param label a request label @return true if this rule's operation filter lets it through */
    boolean matches(String label) {
        return operation == null || globPattern(operation).matcher(label).matches();
    }

    /** @return true for the MQTT fault, false for the HTTP ones */
    boolean isMqtt() {
        return kind == FaultKind.MQTT_DROP;
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
