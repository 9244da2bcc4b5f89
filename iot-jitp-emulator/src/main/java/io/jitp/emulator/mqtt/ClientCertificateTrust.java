package io.jitp.emulator.mqtt;

import java.security.cert.X509Certificate;

/** Decides, at the TLS handshake, whether a client certificate may open a connection to the broker. */
@FunctionalInterface
public interface ClientCertificateTrust {

    /**
     * @param leaf the client's certificate (the first of the chain it sent)
     * @return why the certificate is refused, or {@code null} when it is trusted
     */
    String refusal(X509Certificate leaf);
}
