package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.smoke.DeviceOutcome;
import io.jitp.core.smoke.JUnitXmlReport;
import io.jitp.core.smoke.SmokeConnect;
import io.jitp.core.smoke.SmokeDevice;
import io.jitp.core.smoke.SmokeOptions;
import io.jitp.core.smoke.SmokeReport;
import io.jitp.core.smoke.SmokeSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * smoke-connect while the stand-in stops and comes back on the same ports and state directory: devices in flight
 * reconnect and pass, devices that cannot finish within their retry budget fail saying so, and the reports count
 * what was lost. Restarts the shared stand-in (its start is what costs), which comes back as it was.
 */
@ExtendWith(SharedStandIn.class)
class SmokeConnectRestartTest {
    private static final int DEVICES = 4;

    private static SmokeReport smoke(DeviceStandIn standIn, Path folder, Duration reconnectBudget) throws Exception {
        JitpConnector connector = new JitpConnector(3, JitpConnector.MIN_DELAY, Duration.ofSeconds(2),
                reconnectBudget);
        SmokeOptions options = new SmokeOptions(standIn.mqtt(), SmokeOptions.DEFAULT_TOPIC, null, DEVICES, connector,
                true);
        return new SmokeConnect(options, standIn.iot, Reporter.silent()).run(SmokeDevice.fromManifest(folder, Set.of()));
    }

    @Test
    void devicesInFlightReconnectAfterARestartAndThoseOutOfBudgetFailAndTheReportsCountTheLosses(
            DeviceStandIn standIn, @TempDir Path inFlight, @TempDir Path stranded, @TempDir Path out) throws Exception {
        CertificateAuthority ca = standIn.registerCa("restart-root", "IoTAccess");
        DeviceStandIn.issue(ca, inFlight, "restart-", DEVICES);
        DeviceStandIn.issue(ca, stranded, "stranded-", 2);

        CompletableFuture<SmokeReport> run = CompletableFuture.supplyAsync(() -> {
            try {
                return smoke(standIn, inFlight, Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Stopped once the first device was provisioned: every device is then between its JITP drop and its
        // reconnect (1.1 s later), and the stand-in stays down for the whole of the second run below.
        int registered = standIn.server.registry().certificates().size();
        while (standIn.server.registry().certificates().size() == registered && !run.isDone()) {
            Thread.sleep(20);
        }
        standIn.stop();
        SmokeReport strandedReport;
        try {
            strandedReport = smoke(standIn, stranded, Duration.ofSeconds(2));
        } finally {
            standIn.startAgain();
        }
        SmokeReport report = run.get();

        assertEquals(List.of(), report.failures(), "every device in flight reconnected and completed");
        assertTrue(report.connectionsLost() >= DEVICES, "each device found the stand-in gone");
        assertEquals(DEVICES, report.reconnectedCount());
        for (DeviceOutcome outcome : report.outcomes()) {
            assertTrue(outcome.jitpDelayNanos() >= JitpConnector.MIN_DELAY.toNanos(),
                    outcome.id() + ": one CONNECT per second per client id");
        }
        String xml = Files.readString(JUnitXmlReport.write(report, out));
        assertTrue(xml.contains("name=\"connectionsLost\" value=\"" + report.connectionsLost() + "\""), xml);
        assertTrue(xml.contains("name=\"devicesReconnected\" value=\"" + DEVICES + "\""), xml);
        RecordingReporter reporter = new RecordingReporter();
        SmokeSummary.print(report, reporter);
        assertTrue(reporter.lines.stream().anyMatch(l -> l.contains("the server was lost "
                + report.connectionsLost() + " time(s)") && l.contains(DEVICES + " device(s) reconnected and"
                + " passed, 0 lost it and failed")), reporter.lines.toString());

        assertEquals(2, strandedReport.failures().size());
        assertEquals(2, strandedReport.lostAndFailedCount());
        for (DeviceOutcome outcome : strandedReport.outcomes()) {
            assertTrue(outcome.connectionsLost() >= 1, outcome.toString());
            assertTrue(outcome.failure().contains("gave up after losing the server")
                    && outcome.failure().contains("2 s retry budget")
                    && outcome.failure().contains("Cannot reach"), outcome.failure());
            assertTrue(outcome.failure().contains("control plane: gave up after losing the server"),
                    "the control-plane check shares the device's budget: " + outcome.failure());
        }
    }
}
