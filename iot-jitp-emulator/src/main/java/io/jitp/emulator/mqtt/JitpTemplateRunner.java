package io.jitp.emulator.mqtt;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Runs a CA's provisioning template for a certificate registered on its first connection (JITP). Bound to the
 * stand-in's {@code ProvisioningTemplateRunner}.
 */
@FunctionalInterface
public interface JitpTemplateRunner {

    /**
     * @param templateBody  the CA's registration-config template
     * @param certificate   the device certificate
     * @param certificateId its id
     * @return the exact reason provisioning failed, or empty when it succeeded
     */
    Optional<String> provision(String templateBody, X509Certificate certificate, String certificateId);
}
