package io.jitp.emulator;

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
        return components;
    }
}
