package io.jitp.core.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.jitp.core.Reporter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlReportTest {
    private static final SmokeReport REPORT = new SmokeReport(List.of(
            new DeviceOutcome("dev-0", null, 2, 12_300_000, 1_150_000_000, 4_000_000, 1_300_000_000),
            new DeviceOutcome("dev-<1>", "CONNECT refused: \"0x87\" & <gone>", 3, 0, 0, 0, 3_400_000_000L)),
            4_000_000_000L, "localhost:8883, MQTT 5");

    @Test
    void oneTestCasePerDeviceWithTimingsAndTheFailureReasonEscaped(@TempDir Path folder) throws Exception {
        Path file = JUnitXmlReport.write(REPORT, folder.resolve("smoke-connect"));
        assertEquals("TEST-iot-jitp.smoke-connect.xml", file.getFileName().toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("4.000", suite.getAttribute("time"));
        Element first = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("dev-0", first.getAttribute("name"));
        assertEquals(0, first.getElementsByTagName("failure").getLength());
        assertTrue(first.getTextContent().contains("jitpDelay=1150.0 ms"), first.getTextContent());
        Element second = (Element) suite.getElementsByTagName("testcase").item(1);
        assertEquals("dev-<1>", second.getAttribute("name"));
        Element failure = (Element) second.getElementsByTagName("failure").item(0);
        assertEquals("CONNECT refused: \"0x87\" & <gone>", failure.getAttribute("message"));
        assertFalse(Files.list(file.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void summaryCountsRateTimingsAndFailedDevices() {
        List<String> lines = new ArrayList<>();
        SmokeSummary.print(REPORT, new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }
        });
        assertEquals("smoke-connect: 2 device(s), 1 passed, 1 failed in 4.0 s (0.5 devices/s)", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("JITP delay\\s+1150\\.0 ms\\s+1150\\.0 ms\\s+1150\\.0 ms")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dev-<1>") && l.contains("0x87")), lines.toString());
    }
}
