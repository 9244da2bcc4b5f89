package io.jitp.core.mqtt;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences Paho's own java.util.logging output. Paho logs SEVERE stack traces when the broker closes a connection —
 * which AWS IoT does on purpose to every JITP device's first connection — and every failure it logs also reaches the
 * caller as an exception, which our code reports with the device and the fix.
 */
final class PahoLogging {
    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected logger forgets its level. */
    private static final Logger PAHO = Logger.getLogger("org.eclipse.paho");

    static {
        PAHO.setLevel(Level.OFF);
    }

    private PahoLogging() {
    }

    /** Applies the setting (idempotent; the work happens once, when the class loads). */
    static void quiet() {
        // Loading the class is enough.
    }
}
