package io.jitp.core.bundle;

import io.jitp.core.InvalidInputException;
import io.jitp.core.smoke.JUnitXmlReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The verdict per device of the last smoke-connect run, read back from its JUnit XML report (the one file CI servers
 * read too, so the bundles and the CI view can never disagree).
 */
public final class SmokeResults {
    private final Map<String, Optional<String>> verdicts;

    private SmokeResults(Map<String, Optional<String>> verdicts) {
        this.verdicts = verdicts;
    }

    /**
     * @param xml a report written by {@link JUnitXmlReport}
     * @return its verdicts
     * @throws IOException           if the file cannot be read
     * @throws InvalidInputException if it is not a JUnit XML report
     */
    public static SmokeResults read(Path xml) throws IOException {
        Map<String, Optional<String>> verdicts = new LinkedHashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String current = null;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "testcase" -> {
                        current = reader.getAttributeValue(null, "name");
                        verdicts.put(current, Optional.empty());
                    }
                    case "failure", "error" -> {
                        if (current != null) {
                            String message = reader.getAttributeValue(null, "message");
                            verdicts.put(current, Optional.of(message == null ? "failed" : message));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidInputException("Cannot read the smoke-connect report " + xml + ": " + e.getMessage(), e);
        }
        return new SmokeResults(verdicts);
    }

    /**
     * @param id a device id
     * @return true if the report has a test case for the device
     */
    public boolean tested(String id) {
        return verdicts.containsKey(id);
    }

    /**
     * @param id a device id
     * @return why the device failed, or null if it passed (or was not tested: see {@link #tested})
     */
    public String failure(String id) {
        Optional<String> verdict = verdicts.get(id);
        return verdict == null ? null : verdict.orElse(null);
    }
}
