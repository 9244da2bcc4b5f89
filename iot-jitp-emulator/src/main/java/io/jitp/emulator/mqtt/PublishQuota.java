package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AWS IoT's 100 publishes per second per connection (quotas mode): the excess is dropped and counted. */
final class PublishQuota implements PublishInboundInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PublishQuota.class);

    private final Connections connections;
    private final AtomicLong dropped = new AtomicLong();

    PublishQuota(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        connections.of(input).ifPresent(connection -> {
            if (!connection.publishRate().tryAcquire(System.currentTimeMillis())) {
                output.preventPublishDelivery();
                dropped.incrementAndGet();
                if (connection.publishRate().rejected() == 1) {
                    LOG.info("Dropping publishes of client '{}' beyond 100 per second (AWS quota)",
                            connection.clientId());
                }
            }
        });
    }

    /** @return publishes dropped so far, over all connections */
    long dropped() {
        return dropped.get();
    }
}
