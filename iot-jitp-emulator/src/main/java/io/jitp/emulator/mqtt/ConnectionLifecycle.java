package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;

/** Forgets a connection's state once HiveMQ reports it closed, whatever closed it. */
final class ConnectionLifecycle implements ClientLifecycleEventListener {

    private final Connections connections;
    private final DevicePermissions permissions;

    ConnectionLifecycle(Connections connections, DevicePermissions permissions) {
        this.connections = connections;
        this.permissions = permissions;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // Nothing to do: the authenticator records the connection once it is accepted.
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        // Nothing to do: the authenticator already recorded the connection.
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        connections.of(input).ifPresent(permissions::forget);
        connections.closed(input);
    }
}
