package io.jitp.core.smoke;

import io.jitp.core.pki.SecureFiles;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a smoke-connect run as a JUnit XML report (the surefire format CI servers read): one {@code testcase} per
 * device, its timings as properties and in {@code system-out}, a {@code failure} with the reason for a failed device.
 * The file is replaced atomically.
 */
public final class JUnitXmlReport {
    /** The test suite name, which is also the class name of every test case. */
    public static final String SUITE = "iot-jitp.smoke-connect";
    /** The report file name. */
    public static final String FILE_NAME = "TEST-" + SUITE + ".xml";

    private JUnitXmlReport() {
    }

    /**
     * @param report the run
     * @param folder where {@value #FILE_NAME} goes (created if needed)
     * @return the written file
     * @throws IOException if it cannot be written
     */
    public static Path write(SmokeReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        SecureFiles.writePublic(file, render(report));
        return file;
    }

    static String render(SmokeReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", Integer.toString(report.outcomes().size()));
            xml.writeAttribute("failures", Integer.toString(report.failures().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(report.elapsedNanos()));
            xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "endpoint", report.endpoint());
            property(xml, "connectionsLost", Integer.toString(report.connectionsLost()));
            property(xml, "devicesReconnected", Long.toString(report.reconnectedCount()));
            property(xml, "devicesLostAndFailed", Long.toString(report.lostAndFailedCount()));
            xml.writeEndElement();
            for (DeviceOutcome outcome : report.outcomes()) {
                testCase(xml, outcome);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the JUnit XML report", e);
        }
        return text + "\n";
    }

    private static void testCase(XMLStreamWriter xml, DeviceOutcome outcome) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("name", outcome.id());
        xml.writeAttribute("time", seconds(outcome.totalNanos()));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "attempts", Integer.toString(outcome.attempts()));
        property(xml, "tlsHandshakeMs", millis(outcome.handshakeNanos()));
        property(xml, "jitpDelayMs", millis(outcome.jitpDelayNanos()));
        property(xml, "roundTripMs", millis(outcome.roundTripNanos()));
        property(xml, "connectionsLost", Integer.toString(outcome.connectionsLost()));
        xml.writeEndElement();
        if (!outcome.passed()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", outcome.failure());
            xml.writeAttribute("type", "SmokeConnectFailure");
            xml.writeCharacters(outcome.failure());
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(String.format(Locale.ROOT, "attempts=%d tlsHandshake=%s ms jitpDelay=%s ms roundTrip=%s ms"
                + " connectionsLost=%d", outcome.attempts(), millis(outcome.handshakeNanos()),
                millis(outcome.jitpDelayNanos()), millis(outcome.roundTripNanos()), outcome.connectionsLost()));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
