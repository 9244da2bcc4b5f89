package io.jitp.emulator.cfn;

import io.jitp.emulator.EmulatorComponent;
import io.jitp.emulator.EmulatorContext;
import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.sqs.QueueService;

/**
 * Runs CloudFormation in the stand-in: its stacks provision into the IoT registry and the queue service, and it
 * answers the front door's query-protocol requests. Starts after the {@link QueueService}.
 */
public final class CloudFormationComponent implements EmulatorComponent {

    private CloudFormationService service;

    @Override
    public void start(EmulatorContext context) throws Exception {
        QueueService queues = context.component(QueueService.class).orElseThrow(() ->
                new IllegalStateException("CloudFormation needs the queue service, which must start before it"));
        service = new CloudFormationService(context.config().region(), context.config().accountId(),
                ResourceTypes.standIn(context.registry(), queues), context.config().stateDirectory());
        context.setQueryProtocolHandler(service);
    }

    /** @return the running service */
    public CloudFormationService service() {
        if (service == null) {
            throw new IllegalStateException("CloudFormation is not started");
        }
        return service;
    }

    @Override
    public void close() {
        service = null;
    }
}
