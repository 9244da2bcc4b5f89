package io.jitp.emulator;

import io.jitp.emulator.http.QueryProtocolHandler;
import io.jitp.emulator.http.RestApi;
import io.jitp.emulator.iot.IotRegistry;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What a starting {@link EmulatorComponent} can see of the stand-in and publish to it. */
public final class EmulatorContext {
    private final EmulatorConfig config;
    private final IotRegistry registry;
    private final StandInAuthority authority;
    private final URI controlPlaneUrl;
    private final ComponentLookup components;
    private final Consumer<QueryProtocolHandler> queryHandlerSink;
    private final BiConsumer<String, RestApi> signingNameSink;
    private volatile int mqttPort;
    private volatile int alpnPort = -1;
    private volatile URI sqsEndpoint;

    EmulatorContext(EmulatorConfig config, IotRegistry registry, StandInAuthority authority, URI controlPlaneUrl,
            ComponentLookup components, Consumer<QueryProtocolHandler> queryHandlerSink,
            BiConsumer<String, RestApi> signingNameSink) {
        this.config = config;
        this.registry = registry;
        this.authority = authority;
        this.controlPlaneUrl = controlPlaneUrl;
        this.components = components;
        this.queryHandlerSink = queryHandlerSink;
        this.signingNameSink = signingNameSink;
    }

    /** @return the configuration */
    public EmulatorConfig config() {
        return config;
    }

    /** @return the IoT registry */
    public IotRegistry registry() {
        return registry;
    }

    /** @return the stand-in's root CA (TLS server certificate, AWS-issued device certificates) */
    public StandInAuthority authority() {
        return authority;
    }

    /** @return the control-plane URL */
    public URI controlPlaneUrl() {
        return controlPlaneUrl;
    }

    /**
     * Call it from {@link EmulatorComponent#start}: components start side by side, and this waits until the
     * wanted one has started.
     *
     * @param type a component class
     * @param <T> its type
     * @return the component of that type listed before the caller, started
     * @throws IllegalStateException if that component failed to start
     */
    public <T> Optional<T> component(Class<T> type) {
        return components.earlier(type);
    }

    /** Finds a component listed before the caller, once it has started. */
    @FunctionalInterface
    interface ComponentLookup {
        <T> Optional<T> earlier(Class<T> type);
    }

    /** @param handler serves query-protocol requests ({@code POST /} with {@code Action=}) on the front door */
    public void setQueryProtocolHandler(QueryProtocolHandler handler) {
        queryHandlerSink.accept(handler);
    }

    /**
     * @param signingName the SigV4 service name whose requests the front door hands to the service ({@code sqs})
     * @param service serves them, their signature checked
     */
    public void serveSigningName(String signingName, RestApi service) {
        signingNameSink.accept(signingName, service);
    }

    /** @param port the port the MQTT broker listens on, published in {@code endpoints.json} */
    public void publishMqttPort(int port) {
        this.mqttPort = port;
    }

    /** @param port the port of the MQTT listener requiring ALPN {@code x-amzn-mqtt-ca}, in {@code endpoints.json} */
    public void publishAlpnPort(int port) {
        this.alpnPort = port;
    }

    /** @param endpoint the SQS endpoint, published in {@code endpoints.json} */
    public void publishSqsEndpoint(URI endpoint) {
        this.sqsEndpoint = endpoint;
    }

    int mqttPort() {
        return mqttPort;
    }

    int alpnPort() {
        return alpnPort;
    }

    URI sqsEndpoint() {
        return sqsEndpoint;
    }
}
