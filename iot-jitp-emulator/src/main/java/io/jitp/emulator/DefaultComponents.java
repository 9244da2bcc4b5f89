package io.jitp.emulator;

import io.jitp.emulator.cfn.CloudFormationComponent;
import io.jitp.emulator.sqs.QueueService;
import java.util.ArrayList;
import java.util.List;

/**
 * The components a full stand-in runs, in start order. Each area adds its component here (queue service before
 * CloudFormation and the rule engine, broker last).
 */
final class DefaultComponents {
    private DefaultComponents() {
    }

    static List<EmulatorComponent> create(EmulatorConfig config) {
        List<EmulatorComponent> components = new ArrayList<>();
        components.add(new QueueService(config.bindAddress(), config.region(), config.accountId(),
                config.stateDirectory()));
        components.add(new CloudFormationComponent());
        components.add(new DataPlaneComponent());
        return components;
    }
}
