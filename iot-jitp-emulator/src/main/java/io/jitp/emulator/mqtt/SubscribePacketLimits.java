package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.UnsubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-packet SUBSCRIBE rules of AWS IoT (at most 8 filters per SUBSCRIBE, a larger packet closes the connection;
 * QoS 2 is granted as QoS 1) and UNSUBSCRIBE bookkeeping of the filters the delivery checks rely on.
 */
final class SubscribePacketLimits implements SubscribeInboundInterceptor, UnsubscribeInboundInterceptor {

    /** AWS IoT's most topic filters in one SUBSCRIBE. */
    static final int MAX_FILTERS_PER_SUBSCRIBE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SubscribePacketLimits.class);

    private final Connections connections;

    SubscribePacketLimits(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        int filters = input.getSubscribePacket().getSubscriptions().size();
        if (filters > MAX_FILTERS_PER_SUBSCRIBE) {
            String clientId = input.getClientInformation().getClientId();
            LOG.info("Closing the connection of client '{}': a SUBSCRIBE with {} topic filters (AWS allows {})",
                    clientId, filters, MAX_FILTERS_PER_SUBSCRIBE);
            Services.clientService().disconnectClient(clientId);
        }
        // An authorizer's success grants the requested QoS whatever the configured maximum: downgrade here.
        output.getSubscribePacket().getSubscriptions().stream()
                .filter(subscription -> subscription.getQos() == Qos.EXACTLY_ONCE)
                .forEach(subscription -> subscription.setQos(Qos.AT_LEAST_ONCE));
    }

    @Override
    public void onInboundUnsubscribe(UnsubscribeInboundInput input, UnsubscribeInboundOutput output) {
        connections.of(input).ifPresent(connection ->
                connection.filters().removeAll(input.getUnsubscribePacket().getTopicFilters()));
    }
}
