package io.jitp.emulator.mqtt;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.Policy;
import io.jitp.emulator.iot.Thing;
import io.jitp.emulator.policy.ConnectedThing;
import io.jitp.emulator.policy.PolicyContext;
import io.jitp.emulator.policy.PolicyEvaluator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers "may this connection do that?" from the policies attached to its certificate, as they are now: any
 * registry change to policies, attachments or things invalidates what was cached (policy changes apply at once).
 */
final class DevicePermissions {

    /** What a certificate's checks need, valid for one registry generation. */
    private record Snapshot(long generation, List<String> documents, PolicyContext context) {
    }

    private final IotRegistry registry;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    DevicePermissions(IotRegistry registry) {
        this.registry = registry;
    }

    /** Called on any registry change that may alter a decision. */
    void invalidate() {
        generation.incrementAndGet();
        snapshots.clear();
    }

    /**
     * @param connection   the connection
     * @param action       e.g. {@code iot:Publish}
     * @param resourceType e.g. {@code topic}
     * @param name         e.g. the topic
     * @return whether the certificate's policies allow it
     */
    boolean allows(DeviceConnection connection, String action, String resourceType, String name) {
        Snapshot snapshot = snapshot(connection);
        return evaluator.isAllowed(action, registry.arn(resourceType, name), snapshot.documents(),
                snapshot.context());
    }

    /** @return whether any policy is attached to the certificate */
    boolean hasPolicy(DeviceConnection connection) {
        return !snapshot(connection).documents().isEmpty();
    }

    void forget(DeviceConnection connection) {
        snapshots.remove(connection.token());
    }

    private Snapshot snapshot(DeviceConnection connection) {
        long current = generation.get();
        Snapshot cached = snapshots.get(connection.token());
        if (cached != null && cached.generation() == current) {
            return cached;
        }
        List<String> documents = registry.attachedPolicies(connection.certificateArn()).stream()
                .map(Policy::document).toList();
        PolicyContext context = new PolicyContext(connection.clientId(), connection.certificate(),
                boundThing(connection.clientId(), connection.certificateArn()).orElse(null));
        Snapshot fresh = new Snapshot(current, documents, context);
        snapshots.put(connection.token(), fresh);
        return fresh;
    }

    /** AWS binds the thing named by the client id when it is attached to the certificate. */
    private Optional<ConnectedThing> boundThing(String clientId, String certificateArn) {
        if (!registry.isAttached(clientId, certificateArn)) {
            return Optional.empty();
        }
        return registry.findThing(clientId).map(DevicePermissions::connected);
    }

    private static ConnectedThing connected(Thing thing) {
        return new ConnectedThing(thing.name(), thing.thingTypeName(), thing.attributes());
    }
}
