package io.jitp.emulator.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.jitp.core.pki.CertificateIds;
import io.jitp.emulator.PhaseClock;
import io.jitp.emulator.StandInAuthority;
import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.iot.IotRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's MQTT data plane: HiveMQ CE embedded, mutual TLS on loopback, with AWS IoT's CONNECT rules
 * (JITP included), policy checks and data-plane limits. Client certificates are trusted per handshake from the
 * {@link IotRegistry}, so CAs registered while it runs work at once.
 */
public final class MqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;
    /** The prefix of the per-run folder under {@code mqtt/} (configuration, key stores), removed at stop. */
    static final String RUN_FOLDER_PREFIX = "hivemq-";

    private final MqttBrokerSettings settings;
    private final IotRegistry registry;
    private final StandInAuthority rootCa;
    private final JitpTemplateRunner templates;
    private final PublishListener publishListener;
    private final String bindingId = UUID.randomUUID().toString();
    private EmbeddedHiveMQ hiveMq;
    private RegistryWatcher watcher;
    private PublishQuota publishQuota;
    private Connections connections;
    private BrokerCertificates certificates;
    private CompletableFuture<Void> keyStores;
    private Path runFolder;
    private int port;
    private int alpnPort = -1;
    private FaultPlan faults = FaultPlan.NONE;
    private Runnable extensionStartFault = () -> { };

    /**
     * @param settings        ports, addresses, modes
     * @param registry        the IoT registry (certificates, CAs, policies, things)
     * @param rootCa          the stand-in's root CA, which issues the server certificate; its PEM file is the one
     *                        clients trust
     * @param templates       runs JITP provisioning templates
     * @param publishListener told about every accepted device publish (the rules engine)
     */
    public MqttBroker(MqttBrokerSettings settings, IotRegistry registry, StandInAuthority rootCa,
                      JitpTemplateRunner templates, PublishListener publishListener) {
        this.settings = settings;
        this.registry = registry;
        this.rootCa = rootCa;
        this.templates = templates;
        this.publishListener = publishListener;
    }

    /**
     * @param plan the faults to inject into MQTT connections ({@code mqtt-drop}); takes effect at {@link #start()}
     */
    public synchronized void injectFaults(FaultPlan plan) {
        faults = plan;
    }

    /**
     * Starts the broker; it serves only once its authenticator is in place (fail closed).
     *
     * @throws IOException when a port is taken or the state folder is not writable
     * @throws IllegalStateException when HiveMQ or the extension does not start
     */
    public synchronized void start() throws IOException {
        if (hiveMq != null) {
            throw new IllegalStateException("the MQTT broker is already running");
        }
        PhaseClock phases = new PhaseClock(LOG);
        RegistryTrustProvider.install();
        Path mqttFolder = Files.createDirectories(settings.stateDirectory().resolve("mqtt"));
        certificates = new BrokerCertificates(rootCa, mqttFolder);
        try (MqttPortChoice choice = MqttPortChoice.choose(settings.bindAddress(), settings.port(),
                MqttPortChoice.STANDARD_PORT, Path.of(System.getProperty("java.io.tmpdir")), "--mqtt-port")) {
            port = choice.port();
            List<TlsListener> listeners = new ArrayList<>(List.of(
                    new TlsListener("mqtt-tls", settings.bindAddress(), port, null)));
            if (settings.alpnPort() >= 0) {
                try (MqttPortChoice alpn = MqttPortChoice.choose(settings.bindAddress(), settings.alpnPort(), 0,
                        mqttFolder, "--alpn-port")) {
                    alpnPort = alpn.port();
                }
                listeners.add(new TlsListener("mqtt-alpn", settings.bindAddress(), alpnPort,
                        TlsListener.AWS_ALPN_PROTOCOL));
            }
            deleteStaleRunFolders(mqttFolder);
            runFolder = Files.createTempDirectory(mqttFolder, RUN_FOLDER_PREFIX);
            writeConfiguration(listeners);
            phases.phase("MQTT ports, HiveMQ configuration (server key stores being written beside HiveMQ's start)");
            startHiveMqFailingClosed();
            phases.phase("HiveMQ and the broker extension");
            LOG.info("MQTT broker listening on {}:{} ({}; mutual TLS); clients trust {}", settings.bindAddress(),
                    port, choice.reason(), rootCa.certificatePath());
        }
        if (alpnPort >= 0) {
            LOG.info("MQTT with ALPN {} (AWS's port 443) on {}:{}", TlsListener.AWS_ALPN_PROTOCOL,
                    settings.bindAddress(), alpnPort);
        }
    }

    private void startHiveMqFailingClosed() throws IOException {
        Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        try {
            startHiveMq(buildExtension());
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        } finally {
            // HiveMQ installs a JVM-wide handler that calls System.exit; the stand-in keeps its own.
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
    }

    /**
     * Writes HiveMQ's configuration, and starts writing the listeners' key stores on a thread of their own: they need
     * the root CA (created beside the start when the state directory is new) and the server key, and HiveMQ reads
     * them only when it binds its listeners, after the broker extension has started; the extension waits for them
     * first ({@link #awaitKeyStores()}), so HiveMQ's own set-up runs meanwhile.
     */
    private void writeConfiguration(List<TlsListener> listeners) throws IOException {
        char[] password = randomPassword();
        HiveMqConfigFile.write(runFolder.resolve("conf"), listeners, runFolder, new String(password));
        Path folder = runFolder;
        keyStores = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                writeKeyStores(listeners, folder, password);
                keyStores.complete(null);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                keyStores.completeExceptionally(e);
            }
        }, "iot-jitp-broker-key-stores");
        writer.setDaemon(true);
        writer.start();
    }

    private void writeKeyStores(List<TlsListener> listeners, Path folder, char[] password)
            throws IOException, GeneralSecurityException {
        long startedAt = System.nanoTime();
        certificates.writeServerKeyStores(listeners, folder, settings.endpointHost(), password);
        for (TlsListener listener : listeners) {
            certificates.writePlaceholderTrustStore(listener.truststoreIn(folder),
                    RegistryTrustProvider.markerAlias(bindingId, listener.requiredAlpn()), password);
        }
        LOG.debug("Server key stores written in {} ms, beside HiveMQ's start", (System.nanoTime() - startedAt)
                / 1_000_000);
    }

    /** Run first by the broker extension's start, before HiveMQ binds the listeners that read the key stores. */
    private void awaitKeyStores() {
        try {
            keyStores.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot write the broker's TLS key stores: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private BrokerExtension buildExtension() {
        connections = new Connections(settings.quotasMode());
        DevicePermissions permissions = new DevicePermissions(registry);
        JitpProvisioning jitp = new JitpProvisioning(registry, templates,
                new RegistrationEvents(registry.accountId()));
        publishQuota = settings.quotasMode() ? new PublishQuota(connections) : null;
        watcher = new RegistryWatcher(connections, permissions);
        registry.addListener(watcher);
        return new BrokerExtension(
                new DeviceAuthenticator(registry, connections, permissions, jitp,
                        new ConnectThrottle(settings.quotasMode())),
                new DeviceAuthorizer(connections, permissions, publishListener, settings),
                new DeliveryInterceptor(connections, permissions),
                new SubscribePacketLimits(connections), publishQuota,
                new ConnectionLifecycle(connections, permissions, faults), () -> {
                    awaitKeyStores();
                    extensionStartFault.run();
                },
                () -> RegistryTrustProvider.bind(bindingId, this::refusal));
    }

    private void startHiveMq(BrokerExtension extension) throws IOException {
        hiveMq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(runFolder.resolve("conf"))
                .withDataFolder(Files.createDirectories(runFolder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(runFolder.resolve("extensions")))
                .withoutLoggingBootstrap()
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("iot-jitp-broker").withName("IoT JITP broker").withVersion("1")
                        .withPriority(1000).withStartPriority(1000)
                        .withExtensionMain(extension).build())
                .build();
        try {
            try {
                hiveMq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // A failed extension start (no key stores, say) also fails HiveMQ's listeners: report the first.
                extension.started().getNow(null);
                throw e;
            }
            extension.started().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (CompletionException | ExecutionException e) {
            throw new IllegalStateException("the MQTT broker did not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the MQTT broker did not start within " + START_TIMEOUT_SECONDS
                    + " s; it does not serve without its authenticator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the MQTT broker", e);
        }
    }

    /**
     * Makes the broker extension's start run {@code fault} before it registers any hook: how tests prove that a
     * broker whose extension fails serves nobody (HiveMQ itself would let every client in).
     */
    synchronized void injectExtensionStartFault(Runnable fault) {
        extensionStartFault = fault;
    }

    /** The TLS trust decision: a registered certificate, or one issued by a registered CA (in any status). */
    private String refusal(X509Certificate leaf) {
        if (registry.findCertificate(CertificateIds.of(leaf)).isPresent()
                || registry.findIssuingCa(leaf).isPresent()) {
            return null;
        }
        return "the certificate is not registered and no registered CA issued it";
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** @return the MQTT-over-TLS port */
    public synchronized int port() {
        return port;
    }

    /** @return the port of the listener that requires ALPN {@code x-amzn-mqtt-ca}, or -1 when there is none */
    public synchronized int alpnPort() {
        return alpnPort;
    }

    /** @return the PEM file of the stand-in's root CA, which clients trust (the stand-in's AmazonRootCA1) */
    public synchronized Path rootCaPem() {
        return rootCa.certificatePath();
    }

    /** @return the number of open device connections */
    public synchronized int connectionCount() {
        return connections == null ? 0 : connections.size();
    }

    /** @return publishes dropped by the quotas mode's 100-per-second limit so far */
    public synchronized long droppedPublishes() {
        return publishQuota == null ? 0 : publishQuota.dropped();
    }

    /** Stops the broker (HiveMQ's grace periods make this take a few seconds) and removes its run folder. */
    @Override
    public synchronized void close() {
        RegistryTrustProvider.unbind(bindingId);
        if (keyStores != null) {
            // The writer must be done before the run folder goes (it is quick, and ends even when it fails).
            keyStores.exceptionally(e -> null).join();
        }
        if (watcher != null) {
            watcher.deactivate();
        }
        if (hiveMq != null) {
            try {
                hiveMq.stop().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("The MQTT broker did not stop cleanly: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hiveMq = null;
        }
        deleteRunFolder();
    }

    /** A killed stand-in leaves its run folder (with a key store) behind; the state lock makes it ours to remove. */
    private static void deleteStaleRunFolders(Path mqttFolder) throws IOException {
        try (Stream<Path> folders = Files.list(mqttFolder)) {
            folders.filter(folder -> folder.getFileName().toString().startsWith(RUN_FOLDER_PREFIX))
                    .forEach(MqttBroker::deleteTree);
        }
    }

    private void deleteRunFolder() {
        if (runFolder != null) {
            deleteTree(runFolder);
            runFolder = null;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the broker's run folder {}: {}", root, e.getMessage());
        }
    }
}
