package io.jitp.emulator.iot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers which registered CA signed a device certificate, so that a JITP first connection (checked by the TLS
 * trust manager, then again by the provisioning) and its reconnection verify the CA's signature once. A signature
 * either verifies or not for good, so an entry stays true as long as its CA is registered; the caller looks the CA
 * up again. Bounded: the least recently used entries go first.
 */
final class IssuerCache {
    private static final int CAPACITY = 4096;

    private final Map<String, String> caIdByCertificateId = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param certificateId a device certificate's id @return the id of the CA found to have signed it, if known */
    synchronized Optional<String> issuerOf(String certificateId) {
        return Optional.ofNullable(caIdByCertificateId.get(certificateId));
    }

    /** @param certificateId a device certificate's id @param caId the CA whose signature on it verified */
    synchronized void remember(String certificateId, String caId) {
        caIdByCertificateId.put(certificateId, caId);
    }
}
