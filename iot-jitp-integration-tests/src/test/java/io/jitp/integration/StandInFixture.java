package io.jitp.integration;

import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.cfn.CloudFormationComponent;
import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.sqs.QueueService;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-process stand-in on free loopback ports with a temporary state directory, reached through the core's own
 * {@link AwsConnections#local}: the IoT control plane, plus the queue service and CloudFormation when stacks are
 * needed (no broker: these tests need no MQTT).
 */
final class StandInFixture implements AutoCloseable {
    final EmulatorServer server;
    final StandInEndpoints endpoints;
    final AwsConnection connection;
    final AwsClients clients;
    final RecordingReporter reporter = new RecordingReporter();
    final List<String> log = reporter.lines;

    /**
     * @param stateDirectory a temporary folder
     * @param stacks         also run the queue service and CloudFormation (slower to start)
     */
    StandInFixture(Path stateDirectory, boolean stacks) throws IOException {
        this(stateDirectory, stacks, FaultPlan.NONE);
    }

    /**
     * @param stateDirectory a temporary folder
     * @param stacks         also run the queue service and CloudFormation (slower to start)
     * @param faults         the faults the stand-in injects
     */
    StandInFixture(Path stateDirectory, boolean stacks, FaultPlan faults) throws IOException {
        EmulatorConfig config = EmulatorConfig.builder(stateDirectory).faults(faults).build();
        server = new EmulatorServer(config, stacks ? List.of(new QueueService(config.bindAddress(), config.region(),
                config.accountId(), stateDirectory), new CloudFormationComponent()) : List.of());
        server.start();
        endpoints = StandInEndpoints.read(stateDirectory).orElseThrow();
        connection = AwsConnections.local(endpoints);
        clients = new AwsClients(connection);
    }

    @Override
    public void close() {
        clients.close();
        server.close();
    }
}
