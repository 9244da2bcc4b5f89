package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.services.Services;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.RegistryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies control-plane changes to live connections: a certificate made INACTIVE or REVOKED (or deleted) is
 * disconnected, and policy, attachment or thing changes take effect on the next check.
 */
final class RegistryWatcher implements RegistryListener {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);

    private final Connections connections;
    private final DevicePermissions permissions;
    private volatile boolean active = true;

    RegistryWatcher(Connections connections, DevicePermissions permissions) {
        this.connections = connections;
        this.permissions = permissions;
    }

    /** Stops reacting (the registry has no way to remove a listener). */
    void deactivate() {
        active = false;
    }

    @Override
    public void certificateStatusChanged(Certificate certificate) {
        if (active && certificate.status() != CertificateStatus.ACTIVE) {
            disconnect(certificate.id(), "its certificate is now " + certificate.status());
        }
    }

    @Override
    public void certificateDeleted(String certificateId) {
        if (active) {
            disconnect(certificateId, "its certificate was deleted");
        }
    }

    private void disconnect(String certificateId, String reason) {
        for (String clientId : connections.clientIdsOf(certificateId)) {
            LOG.info("Disconnecting client '{}': {}", clientId, reason);
            Services.clientService().disconnectClient(clientId);
        }
    }

    @Override
    public void policyChanged(String policyName) {
        permissions.invalidate();
    }

    @Override
    public void policyAttachmentChanged(String policyName, String targetArn) {
        permissions.invalidate();
    }

    @Override
    public void thingPrincipalChanged(String thingName, String principalArn) {
        permissions.invalidate();
    }

    @Override
    public void thingChanged(String thingName) {
        permissions.invalidate();
    }
}
