package io.jitp.emulator;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.jitp.ProvisioningOutcome;
import io.jitp.emulator.jitp.ProvisioningTemplateRunner;
import io.jitp.emulator.mqtt.JitpTemplateRunner;
import io.jitp.emulator.mqtt.MqttBroker;
import io.jitp.emulator.mqtt.MqttBrokerSettings;
import io.jitp.emulator.rules.QueueSender;
import io.jitp.emulator.rules.RuleEngine;
import io.jitp.emulator.sqs.QueueService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's data plane: the MQTT broker (JITP through the provisioning template runner) and the rules engine
 * feeding the queue service. Starts after the queue service, so SQS actions reach ElasticMQ.
 */
public final class DataPlaneComponent implements EmulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneComponent.class);

    private RuleEngine rules;
    private MqttBroker broker;

    @Override
    public void start(EmulatorContext context) throws Exception {
        EmulatorConfig config = context.config();
        IotRegistry registry = context.registry();
        rules = new RuleEngine(registry, queueSender(context));
        MqttBrokerSettings settings = new MqttBrokerSettings(config.stateDirectory(), config.bindAddress(),
                config.mqttPort(), config.alpnPort(), config.dataEndpointHost(),
                config.quotasMode() == QuotasMode.AWS, false);
        broker = new MqttBroker(settings, registry, context.authority(),
                templates(registry), rules);
        broker.injectFaults(config.faults());
        broker.start();
        context.publishMqttPort(broker.port());
        context.publishAlpnPort(broker.alpnPort());
    }

    private static QueueSender queueSender(EmulatorContext context) {
        Optional<QueueService> queues = context.component(QueueService.class);
        if (queues.isPresent()) {
            return queues.get()::sendMessage;
        }
        return (queueUrl, body) -> LOG.warn("Topic rule SQS action for {} dropped: no queue service runs", queueUrl);
    }

    private static JitpTemplateRunner templates(IotRegistry registry) {
        ProvisioningTemplateRunner runner = new ProvisioningTemplateRunner();
        return (templateBody, certificate, certificateId) -> {
            ProvisioningOutcome outcome = runner.run(templateBody, certificate, certificateId, registry);
            outcome.notes().forEach(note -> LOG.info("JITP for certificate {}: {}", certificateId, note));
            return outcome.success() ? Optional.empty() : Optional.of(outcome.reason());
        };
    }

    /** @return the running broker (its port, root CA path, counters) */
    public MqttBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (rules != null) {
            rules.close();
        }
    }
}
