package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.loadtest.LoadTestDevices;
import io.jitp.core.loadtest.LoadTestEngine;
import io.jitp.core.loadtest.LoadTestOutcome;
import io.jitp.core.loadtest.LoadTestPlan;
import io.jitp.core.loadtest.LoadTestReports;
import io.jitp.core.loadtest.LoadTestSetup;
import io.jitp.core.loadtest.LoadTestSummary;
import io.jitp.core.loadtest.MqttProtocol;
import io.jitp.core.loadtest.Shard;
import io.jitp.core.loadtest.Thresholds;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.DataPlaneComponent;
import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.faults.FaultKind;
import io.jitp.emulator.faults.FaultPlan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The load test reconnects devices whose connection breaks (it says so: "disconnects, reconnects" in its summary):
 * against a broker that drops publishers' connections right after CONNACK, every device ends up connected again and
 * the summary counts each drop.
 */
class LoadTestMqttDropTest {
    private static final int PUBLISHERS = 4;
    private static final int SECONDS = 2;
    private static final FaultPlan FAULTS = FaultPlan.parse("fault=mqtt-drop,every=3,operation=CONNECT pub*");

    @Test
    void droppedConnectionsAreReconnectedAndCounted(@TempDir Path state, @TempDir Path work) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder(state).faults(FAULTS).build();
        try (EmulatorServer server = new EmulatorServer(config, List.of(new DataPlaneComponent()))) {
            server.start();
            AwsConnection connection = AwsConnections.local(StandInEndpoints.read(state).orElseThrow());
            LoadTestSummary summary;
            try (AwsClients clients = new AwsClients(connection)) {
                clients.iot().createPolicy(r -> r.policyName(LoadTestSetup.POLICY).policyDocument(
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}"));
                CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("drop-root"),
                        KeyAlgorithm.EC_P256, 30);
                LoadTestSetup.prepare(clients.iot(), ca, "arn:aws:iam::" + connection.accountId()
                        + ":role/IoTProvisioning", SubjectProfile.empty(), Reporter.silent());
                LoadTestPlan plan = new LoadTestPlan(PUBLISHERS, 1, 2, 64, 1, SECONDS, 0, MqttProtocol.V5,
                        Shard.WHOLE, false);
                LoadTestDevices.ensure(ca, work.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
                LoadTestOutcome outcome = LoadTestReports.write(work.resolve("report"), new LoadTestEngine(plan,
                        LoadTestSetup.broker(connection), work.resolve("devices"), work.resolve("report"),
                        Reporter.silent()).run(), Thresholds.NONE);
                summary = outcome.summary();
            }
            long dropped = FAULTS.injected(FaultKind.MQTT_DROP);
            System.out.println("LoadTestMqttDropTest: " + dropped + " connections dropped; " + summary.describe());

            assertTrue(dropped >= 1, "the fault fired");
            assertEquals(dropped, summary.totals().get("disconnects"), "every drop is counted");
            assertTrue(summary.totals().get("reconnects") >= dropped, summary.totals().toString());
            assertTrue(summary.failedDevices().isEmpty(), "every device connected again: " + summary.failedDevices());
        }
    }
}
