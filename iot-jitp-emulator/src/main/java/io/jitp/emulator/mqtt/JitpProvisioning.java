package io.jitp.emulator.mqtt;

import io.jitp.emulator.iot.AutoRegistrationStatus;
import io.jitp.emulator.iot.CaCertificate;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RegistrationConfig;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Just-in-time provisioning of an unknown device certificate on its first CONNECT (behaviour file §3): register
 * it PENDING_ACTIVATION, publish the registered event, run the CA's template. The caller always refuses that first
 * connection, as AWS IoT does; a failed template leaves the certificate PENDING_ACTIVATION and is logged once
 * with the exact reason.
 */
final class JitpProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(JitpProvisioning.class);

    private final IotRegistry registry;
    private final JitpTemplateRunner templates;
    private final RegistrationEvents events;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    JitpProvisioning(IotRegistry registry, JitpTemplateRunner templates, RegistrationEvents events) {
        this.registry = registry;
        this.templates = templates;
        this.events = events;
    }

    /**
     * @param certificate   a client certificate the registry does not know
     * @param certificateId its id
     * @return why the connection is refused (it always is)
     */
    String firstConnection(X509Certificate certificate, String certificateId) {
        Optional<CaCertificate> issuer = registry.findIssuingCa(certificate);
        if (issuer.isEmpty()) {
            return "certificate " + certificateId + " is not registered and no registered CA issued it";
        }
        CaCertificate ca = issuer.get();
        if (!ca.isActive()) {
            return "certificate " + certificateId + " is not registered and its CA " + ca.id() + " is "
                    + ca.status();
        }
        if (ca.autoRegistrationStatus() != AutoRegistrationStatus.ENABLE) {
            return "certificate " + certificateId + " is not registered and auto-registration is disabled for CA "
                    + ca.id();
        }
        RegistrationConfig config = ca.registrationConfig();
        if (config == null || config.templateBody() == null || config.templateBody().isBlank()) {
            return "certificate " + certificateId + " is not registered and CA " + ca.id()
                    + " has no registration config (provisioning template)";
        }
        if (!inProgress.add(certificateId)) {
            return "certificate " + certificateId + " is being provisioned by a concurrent connection";
        }
        try {
            provision(certificate, certificateId, ca, config.templateBody());
        } finally {
            inProgress.remove(certificateId);
        }
        return "certificate " + certificateId + " was just registered by JITP; AWS IoT closes this first"
                + " connection, reconnect";
    }

    private void provision(X509Certificate certificate, String certificateId, CaCertificate ca, String template) {
        Certificate registered = registry.registerJitpCertificate(certificate, ca);
        events.publishRegistered(registered);
        Optional<String> failure;
        try {
            failure = templates.provision(template, certificate, certificateId);
        } catch (RuntimeException e) {
            failure = Optional.of("the provisioning template could not run: " + e);
        }
        if (failure.isPresent()) {
            LOG.warn("JITP provisioning failed for certificate {} (CA {}); it stays PENDING_ACTIVATION: {}",
                    certificateId, ca.id(), failure.get());
        } else {
            LOG.info("JITP registered certificate {} (CA {}) and ran its provisioning template", certificateId,
                    ca.id());
        }
    }
}
