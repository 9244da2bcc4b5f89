package io.jitp.emulator.iot;

/**
 * How a certificate was registered: {@code DEFAULT} proves ownership of the CA key with a verification
 * certificate; {@code SNI_ONLY} does not (several accounts may then register the same CA).
 */
public enum CertificateMode {
    DEFAULT, SNI_ONLY
}
