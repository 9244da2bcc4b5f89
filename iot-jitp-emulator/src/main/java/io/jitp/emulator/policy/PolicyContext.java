package io.jitp.emulator.policy;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What policy variables may refer to: the MQTT client id, the client certificate and the thing the
 * connection is bound to.
 *
 * @param clientId    MQTT client id
 * @param certificate client certificate, or {@code null} when unknown
 * @param thing       thing bound to the connection, or {@code null} when the client id names no thing attached
 *                    to the certificate
 */
public record PolicyContext(String clientId, X509Certificate certificate, ConnectedThing thing) {

    /** @return the bound thing, if any */
    public Optional<ConnectedThing> connectedThing() {
        return Optional.ofNullable(thing);
    }
}
