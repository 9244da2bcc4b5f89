package io.jitp.core.devices;

/**
 * One line of the manifest: a device whose files exist.
 *
 * @param id              device id (CN, thing name)
 * @param serial          certificate serial number, lowercase hex
 * @param certificateId   AWS certificate id: lowercase hex SHA-256 of the DER certificate
 * @param subject         certificate subject (RFC 4514)
 * @param notAfter        end of validity, ISO-8601 UTC
 * @param certificateFile certificate chain file name (device certificate, then the CA), relative to the manifest
 * @param keyFile         private key file name relative to the manifest, or null when the device sent a CSR
 */
public record DeviceRecord(String id, String serial, String certificateId, String subject, String notAfter,
                           String certificateFile, String keyFile) {
}
