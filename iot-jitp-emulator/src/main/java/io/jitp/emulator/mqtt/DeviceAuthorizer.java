package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.jitp.emulator.policy.IotActions;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every PUBLISH ({@code iot:Publish}, {@code iot:RetainPublish}) and every SUBSCRIBE filter
 * ({@code iot:Subscribe}; for a shared subscription on the whole {@code $share/<group>/<filter>}, see
 * {@link SharedSubscriptions}) against the certificate's policies and AWS's limits. A refused PUBLISH closes the
 * connection, as on AWS; a refused filter gets a failure SUBACK, or closes the connection when so configured.
 * Accepted publishes are handed to the {@link PublishListener} (the rules engine).
 */
final class DeviceAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {

    /** AWS IoT's largest payload: 128 KB. */
    static final int MAX_PAYLOAD_BYTES = 128 * 1024;
    /** AWS IoT's subscriptions per connection (quotas mode). */
    static final int MAX_SUBSCRIPTIONS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthorizer.class);

    private final Connections connections;
    private final DevicePermissions permissions;
    private final PublishListener listener;
    private final MqttBrokerSettings settings;

    DeviceAuthorizer(Connections connections, DevicePermissions permissions, PublishListener listener,
                     MqttBrokerSettings settings) {
        this.connections = connections;
        this.permissions = permissions;
        this.listener = listener;
        this.settings = settings;
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        Optional<DeviceConnection> found = connections.of(input);
        if (found.isEmpty()) {
            output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, "unknown connection");
            return;
        }
        DeviceConnection connection = found.get();
        PublishPacket publish = input.getPublishPacket();
        String topic = publish.getTopic();
        Optional<String> problem = AwsTopics.topicNameProblem(topic);
        if (problem.isPresent()) {
            logClosing(connection, "PUBLISH refused: " + problem.get());
            output.disconnectClient(DisconnectReasonCode.TOPIC_NAME_INVALID, problem.get());
            return;
        }
        int size = publish.getPayload().map(ByteBuffer::remaining).orElse(0);
        if (size > MAX_PAYLOAD_BYTES) {
            logClosing(connection, "PUBLISH on " + topic + " refused: payload of " + size + " bytes exceeds 128 KB");
            output.disconnectClient(DisconnectReasonCode.PACKET_TOO_LARGE, "payload exceeds 128 KB");
            return;
        }
        String denied = !permissions.allows(connection, IotActions.PUBLISH, IotActions.TOPIC, topic)
                ? IotActions.PUBLISH
                : publish.getRetain() && !permissions.allows(connection, IotActions.RETAIN_PUBLISH,
                        IotActions.TOPIC, topic) ? IotActions.RETAIN_PUBLISH : null;
        if (denied != null) {
            logClosing(connection, "policies do not allow " + denied + " on topic/" + topic);
            output.failAuthorization();
            return;
        }
        output.authorizeSuccessfully();
        listener.published(topic, bytes(publish));
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        Optional<DeviceConnection> found = connections.of(input);
        if (found.isEmpty()) {
            output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, "unknown connection");
            return;
        }
        DeviceConnection connection = found.get();
        String filter = input.getSubscription().getTopicFilter();
        Optional<String> problem = SharedSubscriptions.problem(filter)
                .or(() -> AwsTopics.topicFilterProblem(SharedSubscriptions.topicFilterOf(filter)));
        if (problem.isPresent()) {
            LOG.info("SUBSCRIBE of client '{}' refused: {}", connection.clientId(), problem.get());
            output.failAuthorization(SubackReasonCode.TOPIC_FILTER_INVALID, problem.get());
            return;
        }
        if (settings.quotasMode() && connection.filters().size() >= MAX_SUBSCRIPTIONS
                && !connection.filters().contains(filter)) {
            LOG.info("SUBSCRIBE of client '{}' to {} refused: more than {} subscriptions (AWS quota)",
                    connection.clientId(), filter, MAX_SUBSCRIPTIONS);
            // 0x80 rather than QUOTA_EXCEEDED (0x97): Paho 1.2.5 rejects a SUBACK carrying 0x97 as malformed.
            output.failAuthorization(SubackReasonCode.UNSPECIFIED_ERROR, "subscriptions per connection exceeded");
            return;
        }
        if (!permissions.allows(connection, IotActions.SUBSCRIBE, IotActions.TOPIC_FILTER, filter)) {
            String reason = "policies do not allow iot:Subscribe on topicfilter/" + filter;
            if (settings.disconnectOnDeniedSubscribe()) {
                logClosing(connection, reason);
                output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, reason);
            } else {
                LOG.info("SUBSCRIBE of client '{}' refused: {}", connection.clientId(), reason);
                output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, reason);
            }
            return;
        }
        connection.filters().add(filter);
        output.authorizeSuccessfully();
    }

    private static void logClosing(DeviceConnection connection, String reason) {
        LOG.info("Closing the connection of client '{}' (certificate {}): {}", connection.clientId(),
                connection.certificateId(), reason);
    }

    private static byte[] bytes(PublishPacket publish) {
        return publish.getPayload().map(buffer -> {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }).orElse(new byte[0]);
    }
}
