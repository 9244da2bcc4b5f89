package io.jitp.emulator.iot;

/** Statuses of a registered CA certificate. */
public enum CaCertificateStatus {
    ACTIVE, INACTIVE
}
