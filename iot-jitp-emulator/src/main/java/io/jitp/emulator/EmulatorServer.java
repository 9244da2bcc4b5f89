package io.jitp.emulator;

import io.jitp.emulator.http.CallerIdentity;
import io.jitp.emulator.http.FrontDoor;
import io.jitp.emulator.http.QueryProtocolHandler;
import io.jitp.emulator.http.SignatureVerifier;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.rest.IotRestApi;
import io.jitp.emulator.state.StateDirectoryLock;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running stand-in: locks its state directory, opens the registry, serves the control plane on one HTTP port,
 * starts its {@link EmulatorComponent}s (side by side, see {@link ComponentStarter}), then writes
 * {@code endpoints.json}. {@link #close()} undoes all
 * of it in reverse order. One instance per state directory, enforced with an OS file lock.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    private final EmulatorConfig config;
    private final List<EmulatorComponent> components;
    private final List<EmulatorComponent> started = new ArrayList<>();
    private StateDirectoryLock lock;
    private IotRegistry registry;
    private FrontDoor frontDoor;
    private EmulatorEndpoints endpoints;

    /**
     * A stand-in with the default components (everything {@link Emulator} runs).
     *
     * @param config the configuration
     * @return the server, not started
     */
    public static EmulatorServer withDefaultComponents(EmulatorConfig config) {
        return new EmulatorServer(config, DefaultComponents.create(config));
    }

    /**
     * @param config the configuration
     * @param components components to start after the control plane, in order
     */
    public EmulatorServer(EmulatorConfig config, List<EmulatorComponent> components) {
        this.config = Objects.requireNonNull(config, "config");
        this.components = List.copyOf(components);
    }

    /** @param config the configuration; the server runs the control plane only */
    public EmulatorServer(EmulatorConfig config) {
        this(config, List.of());
    }

    /**
     * Starts everything and writes {@code endpoints.json}.
     *
     * @return the endpoints
     * @throws IOException if the state directory is locked by another stand-in, a state file is corrupt
     *         ({@link io.jitp.emulator.state.StateFileException}), a port is taken, or a component fails
     */
    public synchronized EmulatorEndpoints start() throws IOException {
        if (lock != null) {
            throw new IllegalStateException("The stand-in is already started");
        }
        long startedAt = System.nanoTime();
        PhaseClock phases = new PhaseClock(LOG);
        Path stateDirectory = config.stateDirectory();
        lock = StateDirectoryLock.acquire(stateDirectory);
        try {
            Files.deleteIfExists(stateDirectory.resolve(EmulatorEndpoints.FILE_NAME));
            StandInCredentials credentials = StandInCredentials.resolve(config);
            phases.phase("state directory lock and credentials");
            StandInAuthority authority = StandInAuthority.loadOrCreate(stateDirectory);
            phases.phase("root CA (certificate loaded and key loading, or both being created, beside the rest)");
            registry = IotRegistry.open(stateDirectory, config.region(), config.accountId());
            phases.phase("IoT registry");
            frontDoor = new FrontDoor(new SignatureVerifier(credentials.accessKeyId(),
                    credentials.secretAccessKey(), config.region(), Clock.systemUTC()),
                    new IotRestApi(registry, authority::ca, config.dataEndpointHost()), config.maxRequestBytes(),
                    config.faults());
            BindAddressWarning.of(config.bindAddress()).ifPresent(LOG::warn);
            if (!config.faults().isEmpty()) {
                LOG.warn("Injecting {} on purpose (--faults)", config.faults());
            }
            startControlPlane();
            URI url = frontDoor.url();
            CallerIdentity identity = new CallerIdentity(config.accountId(), credentials.accessKeyId());
            frontDoor.setQueryProtocolHandler(identity.wrapping(null));
            LOG.info("Control plane listening on {} after {} ms", url, (System.nanoTime() - startedAt) / 1_000_000);
            ComponentStarter starter = new ComponentStarter(components);
            EmulatorContext context = new EmulatorContext(config, registry, authority, url, starter::earlier,
                    handler -> frontDoor.setQueryProtocolHandler(identity.wrapping(handler)),
                    frontDoor::serveSigningName);
            try {
                started.addAll(starter.startAll(context));
                phases.phase("components started");
                awaitComponents();
            } catch (IOException | RuntimeException e) {
                // A root CA that could not be made fails the broker too: name its files rather than the broker.
                authority.awaitLoaded();
                throw e;
            }
            authority.awaitLoaded();
            phases.phase("components ready");
            if (!components.isEmpty()) {
                LOG.info("All components ready after {} ms", (System.nanoTime() - startedAt) / 1_000_000);
            }
            endpoints = new EmulatorEndpoints(url, config.dataEndpointHost(), context.mqttPort(),
                    authority.certificatePath(), config.region(), config.accountId(), credentials.accessKeyId(),
                    credentials.secretAccessKey(), context.sqsEndpoint(), context.alpnPort(),
                    ProcessHandle.current().pid());
            endpoints.write(stateDirectory);
            started.forEach(EmulatorComponent::afterReady);
            return endpoints;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitComponents() throws IOException {
        for (EmulatorComponent component : started) {
            try {
                component.awaitReady();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("Component " + component.getClass().getSimpleName() + " failed to start: "
                        + e.getMessage(), e);
            }
        }
    }

    /** @return the endpoints of the started stand-in */
    public synchronized EmulatorEndpoints endpoints() {
        if (endpoints == null) {
            throw new IllegalStateException("The stand-in is not started");
        }
        return endpoints;
    }

    /** @return the registry of the started stand-in */
    public synchronized IotRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("The stand-in is not started");
        }
        return registry;
    }

    /** @return the configuration */
    public EmulatorConfig config() {
        return config;
    }

    /** @param handler serves query-protocol requests (CloudFormation); replaces any component's handler */
    public synchronized void setQueryProtocolHandler(QueryProtocolHandler handler) {
        if (frontDoor == null) {
            throw new IllegalStateException("Start the stand-in first");
        }
        frontDoor.setQueryProtocolHandler(new CallerIdentity(config.accountId(), endpoints().accessKeyId())
                .wrapping(handler));
    }

    /** Stops components in reverse order, the front door, and releases the state directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(config.stateDirectory().resolve(EmulatorEndpoints.FILE_NAME));
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", EmulatorEndpoints.FILE_NAME, e.getMessage());
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            ComponentStarter.closeQuietly(started.get(i));
        }
        started.clear();
        if (frontDoor != null) {
            frontDoor.close();
            frontDoor = null;
        }
        if (registry != null) {
            try {
                registry.checkpoint();
            } catch (IOException e) {
                LOG.warn("Could not fold the registry journal into its snapshot (nothing is lost): {}",
                        e.getMessage());
            }
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("Could not release the state directory lock: {}", e.getMessage());
        }
        lock = null;
        endpoints = null;
        registry = null;
    }

    private void startControlPlane() throws IOException {
        try {
            frontDoor.start(config.bindAddress(), config.httpPort());
        } catch (BindException e) {
            throw new IOException("Control-plane port " + config.httpPort() + " on " + config.bindAddress()
                    + " is already in use (" + e.getMessage() + "); stop what uses it, or choose another port with "
                    + "--port (0 picks a free one)", e);
        }
    }
}
