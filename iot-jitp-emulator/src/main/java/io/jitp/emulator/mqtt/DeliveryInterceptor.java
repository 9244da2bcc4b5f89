package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.jitp.emulator.policy.IotActions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every delivery to a device: {@code iot:Receive} on {@code topic/<topic>}, AWS's {@code #} that does not
 * match its parent level, and retained messages only for subscriptions that name their topic exactly. A shared
 * subscription ({@code $share/<group>/<filter>}) is matched on its {@code <filter>}.
 */
final class DeliveryInterceptor implements PublishOutboundInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryInterceptor.class);

    private final Connections connections;
    private final DevicePermissions permissions;

    DeliveryInterceptor(Connections connections, DevicePermissions permissions) {
        this.connections = connections;
        this.permissions = permissions;
    }

    @Override
    public void onOutboundPublish(PublishOutboundInput input, PublishOutboundOutput output) {
        Optional<DeviceConnection> found = connections.of(input);
        if (found.isEmpty()) {
            output.preventPublishDelivery();
            return;
        }
        DeviceConnection connection = found.get();
        PublishPacket publish = input.getPublishPacket();
        String topic = publish.getTopic();
        boolean subscribed = connection.filters().stream().map(SharedSubscriptions::topicFilterOf)
                .anyMatch(filter -> publish.getRetain() ? filter.equals(topic) : AwsTopics.matches(filter, topic));
        if (!subscribed) {
            LOG.debug("Not delivering {} to client '{}': no subscription matches it on AWS IoT", topic,
                    connection.clientId());
            output.preventPublishDelivery();
        } else if (!permissions.allows(connection, IotActions.RECEIVE, IotActions.TOPIC, topic)) {
            LOG.info("Not delivering {} to client '{}': policies do not allow iot:Receive on topic/{}", topic,
                    connection.clientId(), topic);
            output.preventPublishDelivery();
        }
    }
}
