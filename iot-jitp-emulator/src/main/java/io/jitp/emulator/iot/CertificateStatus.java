package io.jitp.emulator.iot;

/** Statuses of a device certificate, as AWS IoT names them. */
public enum CertificateStatus {
    ACTIVE, INACTIVE, REVOKED, PENDING_TRANSFER, REGISTER_INACTIVE, PENDING_ACTIVATION
}
