package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.services.Services;
import io.jitp.emulator.faults.FaultPlan;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a connection's state once HiveMQ reports it closed, whatever closed it; drops accepted connections when
 * the fault plan says so ({@code mqtt-drop}).
 */
final class ConnectionLifecycle implements ClientLifecycleEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);
    /** Long enough for the CONNACK to be on the wire: the client must see a connection that then breaks. */
    private static final long DROP_AFTER_CONNACK_MILLIS = 200;

    private final Connections connections;
    private final DevicePermissions permissions;
    private final FaultPlan faults;

    ConnectionLifecycle(Connections connections, DevicePermissions permissions, FaultPlan faults) {
        this.connections = connections;
        this.permissions = permissions;
        this.faults = faults;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // Nothing to do: the authenticator records the connection once it is accepted.
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        // The authenticator already recorded the connection; only an injected fault acts here.
        String clientId = input.getClientInformation().getClientId();
        if (faults.forMqttConnection(clientId).isPresent()) {
            LOG.info("Injected fault: dropping MQTT connection {} after its CONNACK", clientId);
            Services.extensionExecutorService().schedule(
                    () -> Services.clientService().disconnectClient(clientId),
                    DROP_AFTER_CONNACK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        connections.of(input).ifPresent(permissions::forget);
        connections.closed(input);
    }
}
