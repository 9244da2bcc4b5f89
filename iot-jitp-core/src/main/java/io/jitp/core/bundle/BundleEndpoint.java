package io.jitp.core.bundle;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where a shipped device connects: what its bundle's {@code endpoint.json} and {@code root-ca.pem} say.
 *
 * @param target       {@code local} or {@code aws}, so a bundle made against the stand-in is never mistaken for one
 *                     made for a real account
 * @param region       AWS region
 * @param host         MQTT host (the ATS data endpoint on AWS)
 * @param port         MQTT-over-TLS port, or 0 when it is not stable: the local stand-in picks a free port at each
 *                     start, so a bundle naming it would go stale (and change at every build); the device reads
 *                     {@code mqttPort} from {@code standInEndpoints} instead
 * @param standInEndpoints the stand-in's {@code endpoints.json} when {@code port} is 0, else null
 * @param trustAnchors the roots the device must trust for that host (Amazon Root CA 1-4 on AWS)
 */
public record BundleEndpoint(String target, String region, String host, int port, Path standInEndpoints,
                             List<X509Certificate> trustAnchors) {
    /** Copies the trust anchors. */
    public BundleEndpoint {
        trustAnchors = List.copyOf(trustAnchors);
    }
}
