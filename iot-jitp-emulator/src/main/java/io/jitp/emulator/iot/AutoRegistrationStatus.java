package io.jitp.emulator.iot;

/** Whether device certificates signed by a CA are registered on their first connection (JITR/JITP). */
public enum AutoRegistrationStatus {
    ENABLE, DISABLE
}
