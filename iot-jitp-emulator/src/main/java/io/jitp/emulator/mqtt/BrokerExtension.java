package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded HiveMQ extension that makes the broker AWS IoT: authenticator, authorizers, interceptors and the
 * lifecycle listener. {@link #started()} completes only once all of them are registered; the broker refuses to
 * serve otherwise, because HiveMQ lets every client in when no authenticator is registered.
 */
final class BrokerExtension implements ExtensionMain {

    private final DeviceAuthenticator authenticator;
    private final DeviceAuthorizer authorizer;
    private final DeliveryInterceptor delivery;
    private final SubscribePacketLimits subscribeLimits;
    private final PublishQuota publishQuota;
    private final ConnectionLifecycle lifecycle;
    private final Runnable beforeRegistering;
    private final Runnable onStarted;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    /**
     * @param publishQuota      the per-connection publish quota, or {@code null} outside the quotas mode
     * @param beforeRegistering run first (where tests inject a start-up failure)
     * @param onStarted         run once every hook is registered (binds the TLS trust)
     */
    BrokerExtension(DeviceAuthenticator authenticator, DeviceAuthorizer authorizer, DeliveryInterceptor delivery,
                    SubscribePacketLimits subscribeLimits, PublishQuota publishQuota, ConnectionLifecycle lifecycle,
                    Runnable beforeRegistering, Runnable onStarted) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.delivery = delivery;
        this.subscribeLimits = subscribeLimits;
        this.publishQuota = publishQuota;
        this.lifecycle = lifecycle;
        this.beforeRegistering = beforeRegistering;
        this.onStarted = onStarted;
    }

    /** @return completes when the extension has registered every hook, or fails with the reason it could not */
    CompletableFuture<Void> started() {
        return started;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            beforeRegistering.run();
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
            Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
            Services.initializerRegistry().setClientInitializer((initializerInput, clientContext) -> {
                clientContext.addPublishOutboundInterceptor(delivery);
                clientContext.addSubscribeInboundInterceptor(subscribeLimits);
                clientContext.addUnsubscribeInboundInterceptor(subscribeLimits);
                if (publishQuota != null) {
                    clientContext.addPublishInboundInterceptor(publishQuota);
                }
            });
            Services.eventRegistry().setClientLifecycleEventListener(providerInput -> lifecycle);
            onStarted.run();
            started.complete(null);
        } catch (RuntimeException | Error e) {
            output.preventExtensionStartup("the IoT JITP broker extension could not start: " + e);
            started.completeExceptionally(e);
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // Nothing to release: HiveMQ removes the hooks of a stopped extension itself.
    }
}
