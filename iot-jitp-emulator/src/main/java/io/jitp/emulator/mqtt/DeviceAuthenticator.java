package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import io.jitp.core.pki.CertificateIds;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.policy.IotActions;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every CONNECT as AWS IoT does: the client certificate must be registered and ACTIVE, have a policy, and
 * that policy must allow {@code iot:Connect} on {@code client/<clientId>}; an unknown certificate from a CA with
 * auto-registration goes through JITP and its first connection is refused. Every refusal is logged with its reason.
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthenticator.class);

    private final IotRegistry registry;
    private final Connections connections;
    private final DevicePermissions permissions;
    private final JitpProvisioning jitp;
    private final ConnectThrottle throttle;

    DeviceAuthenticator(IotRegistry registry, Connections connections, DevicePermissions permissions,
                        JitpProvisioning jitp, ConnectThrottle throttle) {
        this.registry = registry;
        this.connections = connections;
        this.permissions = permissions;
        this.jitp = jitp;
        this.throttle = throttle;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        String clientId = input.getClientInformation().getClientId();
        try {
            decide(input, output, clientId);
        } catch (RuntimeException | Error e) {
            // Errors too: HiveMQ never answers a CONNECT whose authenticator threw one, so the client would hang.
            LOG.error("Refused CONNECT of client '{}': internal error", clientId, e);
            connections.closed(input);
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "internal error");
        }
    }

    private void decide(SimpleAuthInput input, SimpleAuthOutput output, String clientId) {
        Optional<X509Certificate> presented = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate);
        if (presented.isEmpty()) {
            refuse(output, clientId, "-", "no client certificate");
            return;
        }
        X509Certificate x509 = presented.get();
        String certificateId = CertificateIds.of(x509);
        if (!throttle.tryConnect(clientId, System.currentTimeMillis())) {
            refuse(output, clientId, certificateId, "more than 1 CONNECT per second for this client id (AWS quota)",
                    ConnackReasonCode.CONNECTION_RATE_EXCEEDED);
            return;
        }
        Optional<Certificate> registered = registry.findCertificate(certificateId);
        if (registered.isEmpty()) {
            refuse(output, clientId, certificateId, jitp.firstConnection(x509, certificateId));
            return;
        }
        Certificate certificate = registered.get();
        if (certificate.status() != CertificateStatus.ACTIVE) {
            String hint = certificate.status() == CertificateStatus.PENDING_ACTIVATION
                    ? " (its provisioning template did not activate it; see the JITP log line)" : "";
            refuse(output, clientId, certificateId, "certificate is " + certificate.status() + hint);
            return;
        }
        DeviceConnection connection = connections.open(input, x509, certificateId, certificate.arn(),
                input.getConnectPacket().getCleanStart());
        String refusal = !permissions.hasPolicy(connection) ? "no policy is attached to the certificate"
                : !permissions.allows(connection, IotActions.CONNECT, IotActions.CLIENT, clientId)
                ? "policies do not allow iot:Connect on client/" + clientId : null;
        if (refusal == null) {
            output.authenticateSuccessfully();
            return;
        }
        connections.closed(input);
        permissions.forget(connection);
        refuse(output, clientId, certificateId, refusal);
    }

    private static void refuse(SimpleAuthOutput output, String clientId, String certificateId, String reason) {
        refuse(output, clientId, certificateId, reason, ConnackReasonCode.NOT_AUTHORIZED);
    }

    private static void refuse(SimpleAuthOutput output, String clientId, String certificateId, String reason,
                               ConnackReasonCode code) {
        LOG.info("Refused CONNECT of client '{}' (certificate {}): {}", clientId, certificateId, reason);
        output.failAuthentication(code, reason);
    }
}
