package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.devices.DeviceRecord;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttVersion;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.Pem;
import io.jitp.core.smoke.DeviceOutcome;
import io.jitp.core.smoke.JUnitXmlReport;
import io.jitp.core.smoke.SmokeConnect;
import io.jitp.core.smoke.SmokeDevice;
import io.jitp.core.smoke.SmokeOptions;
import io.jitp.core.smoke.SmokeReport;
import io.jitp.core.smoke.SmokeSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The smoke-connect runner against the stand-in: fresh JITP devices, a revoked one, a wrong policy, 3.1.1, ALPN. */
@ExtendWith(SharedStandIn.class)
class SmokeConnectTest {
    private static DeviceStandIn standIn;

    @BeforeAll
    static void start(DeviceStandIn shared) {
        standIn = shared;
    }

    private static SmokeReport smoke(Path folder, MqttEndpoint endpoint, String foreignTopic) throws Exception {
        return smoke(folder, endpoint, foreignTopic, JitpConnector.DEFAULT);
    }

    private static SmokeReport smoke(Path folder, MqttEndpoint endpoint, String foreignTopic, JitpConnector connector)
            throws Exception {
        SmokeOptions options = new SmokeOptions(endpoint, SmokeOptions.DEFAULT_TOPIC, foreignTopic, 8, connector,
                true);
        return new SmokeConnect(options, standIn.iot, Reporter.silent()).run(SmokeDevice.fromManifest(folder, Set.of()));
    }

    private static Map<String, DeviceOutcome> byId(SmokeReport report) {
        return report.outcomes().stream().collect(Collectors.toMap(DeviceOutcome::id, Function.identity()));
    }

    @Test
    void freshDevicesPassThenARevokedOneFailsAndTheJUnitReportSaysWhich(@TempDir Path folder, @TempDir Path out)
            throws Exception {
        List<DeviceRecord> devices = DeviceStandIn.issue(standIn.registerCa("smoke-root", "IoTAccess"), folder,
                "smoke-", 4).manifest().devices();

        SmokeReport first = smoke(folder, standIn.mqtt(), "{device}/not-mine");
        assertEquals(List.of(), first.failures(), "every fresh device provisions, round-trips, is refused abroad");
        for (DeviceOutcome outcome : first.outcomes()) {
            assertEquals(2, outcome.attempts(), outcome.id() + ": JITP drops the first connection");
            assertTrue(outcome.jitpDelayNanos() >= JitpConnector.MIN_DELAY.toNanos());
            assertTrue(outcome.handshakeNanos() > 0 && outcome.roundTripNanos() > 0);
        }

        String revoked = devices.get(2).id();
        standIn.iot.updateCertificate(r -> r.certificateId(devices.get(2).certificateId()).newStatus("REVOKED"));
        // One CONNECT per second per client id: a rerun sooner would see 0x9F and retry.
        Thread.sleep(JitpConnector.MIN_DELAY.toMillis());
        SmokeReport second = smoke(folder, standIn.mqtt(), null);
        Map<String, DeviceOutcome> outcomes = byId(second);
        assertEquals(1, second.failures().size());
        assertTrue(outcomes.get(revoked).failure().contains("REVOKED"), outcomes.get(revoked).failure());
        assertEquals(1, outcomes.get(devices.get(0).id()).attempts(), "already provisioned: no JITP drop");
        assertEquals(0, outcomes.get(devices.get(0).id()).jitpDelayNanos());

        Path xml = JUnitXmlReport.write(second, out);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = document.getDocumentElement();
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getElementsByTagName("failure").getLength() > 0) {
                failed.add(testCase.getAttribute("name"));
            }
        }
        assertEquals(List.of(revoked), failed);
        assertTrue(Files.readString(xml).contains("tlsHandshakeMs"));

        RecordingReporter reporter = new RecordingReporter();
        SmokeSummary.print(second, reporter);
        List<String> lines = reporter.lines;
        assertTrue(lines.get(0).contains("4 device(s), 3 passed, 1 failed"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(revoked) && l.contains("REVOKED")), lines.toString());
    }

    @Test
    void theControlPlaneVerdictsNameWhatIsWrongWithEachDevice(@TempDir Path folder, @TempDir Path pendingFolder)
            throws Exception {
        CertificateAuthority ca = standIn.registerCa("verdicts-root", "IoTAccess");
        List<DeviceRecord> devices = DeviceStandIn.issue(ca, folder, "verdict-", 5).manifest().devices();
        DeviceRecord pending = DeviceStandIn.issue(ca, pendingFolder, "pending-", 1).manifest().devices().get(0);
        String pendingPem = Pem.encode(Pem.readCertificates(pendingFolder.resolve(pending.certificateFile())).get(0));
        standIn.iot.registerCertificate(r -> r.certificatePem(pendingPem)
                .caCertificatePem(ca.certificatePem()).status("PENDING_ACTIVATION"));
        assertEquals(List.of(), smoke(folder, standIn.mqtt(), null).failures(), "all provisioned and well");

        String inactive = devices.get(1).id();
        String unattached = devices.get(2).id();
        String thingless = devices.get(3).id();
        String policyless = devices.get(4).id();
        standIn.iot.updateCertificate(r -> r.certificateId(devices.get(1).certificateId()).newStatus("INACTIVE"));
        standIn.iot.detachThingPrincipal(r -> r.thingName(unattached).principal(arn(devices.get(2))));
        standIn.iot.detachThingPrincipal(r -> r.thingName(thingless).principal(arn(devices.get(3))));
        standIn.iot.deleteThing(r -> r.thingName(thingless));
        standIn.iot.detachPolicy(r -> r.policyName("IoTAccess").target(arn(devices.get(4))));
        Thread.sleep(JitpConnector.MIN_DELAY.toMillis());
        // Provisioned already: the devices refused need not be retried to be judged.
        JitpConnector once = new JitpConnector(1, JitpConnector.MIN_DELAY, JitpConnector.MIN_DELAY);
        Map<String, DeviceOutcome> outcomes = byId(smoke(folder, standIn.mqtt(), null, once));

        assertNull(outcomes.get(devices.get(0).id()).failure());
        assertFailure(outcomes.get(inactive), "certificate is INACTIVE, not ACTIVE");
        assertFailure(outcomes.get(unattached), "thing " + unattached + " does not have the certificate attached");
        assertFailure(outcomes.get(thingless), "thing " + thingless + " does not exist");
        assertFailure(outcomes.get(policyless), "no policy is attached to the certificate");
        for (String withPolicy : List.of(inactive, unattached, thingless)) {
            assertFalse(outcomes.get(withPolicy).failure().contains("policy"), outcomes.get(withPolicy).failure());
        }
        DeviceOutcome pendingOutcome = smoke(pendingFolder, standIn.mqtt(), null, once).outcomes().get(0);
        assertFailure(pendingOutcome, "certificate is PENDING_ACTIVATION, not ACTIVE");
    }

    private static void assertFailure(DeviceOutcome outcome, String expected) {
        assertTrue(outcome.failure() != null && outcome.failure().contains(expected), outcome.id() + ": "
                + outcome.failure());
    }

    private static String arn(DeviceRecord device) {
        return standIn.iot.describeCertificate(r -> r.certificateId(device.certificateId())).certificateDescription()
                .certificateArn();
    }

    @Test
    void aPolicyWithoutPublishFailsEveryDevice(@TempDir Path folder) throws Exception {
        standIn.iot.createPolicy(r -> r.policyName("ConnectOnly").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect","iot:Subscribe",\
                "iot:Receive"],"Resource":"*"}]}"""));
        DeviceStandIn.issue(standIn.registerCa("wrong-policy-root", "ConnectOnly"), folder, "wrong-", 2);
        SmokeReport report = smoke(folder, standIn.mqtt(), null);
        assertEquals(2, report.failures().size());
        for (DeviceOutcome outcome : report.failures()) {
            assertTrue(outcome.failure().contains("PUBLISH to " + outcome.id()), outcome.failure());
        }
    }

    @Test
    void aTooBroadPolicyFailsTheForeignTopicCheck(@TempDir Path folder) throws Exception {
        standIn.iot.createPolicy(r -> r.policyName("Everything").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}"""));
        DeviceStandIn.issue(standIn.registerCa("broad-root", "Everything"), folder, "broad-", 1);
        DeviceOutcome outcome = smoke(folder, standIn.mqtt(), "elsewhere").outcomes().get(0);
        assertTrue(outcome.failure().contains("foreign topic elsewhere was accepted"), outcome.failure());
    }

    @Test
    void mqtt311AndAlpnOn443StyleListenerPass(@TempDir Path v311, @TempDir Path alpn) throws Exception {
        var ca = standIn.registerCa("variants-root", "IoTAccess");
        DeviceStandIn.issue(ca, v311, "v311-", 2);
        DeviceStandIn.issue(ca, alpn, "alpn-", 2);
        SmokeReport report311 = smoke(v311, standIn.mqtt().withVersion(MqttVersion.V3_1_1), "{device}/no");
        assertEquals(List.of(), report311.failures());
        assertTrue(report311.endpoint().contains("MQTT 3.1.1"));
        SmokeReport reportAlpn = smoke(alpn, standIn.mqtt().withPort(standIn.alpnPort, true), null);
        assertEquals(List.of(), reportAlpn.failures());
        assertNull(reportAlpn.outcomes().get(0).failure());
    }
}
