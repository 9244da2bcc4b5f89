package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.SecureFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a load test in its output folder: {@code report.json} (summary, thresholds, failures, and the raw
 * data a merge needs), the HdrHistogram log {@value LoadTestEngine#HISTOGRAM_LOG}, and {@code report.html}.
 */
public final class LoadTestReports {
    /** The JSON report. */
    public static final String JSON = "report.json";
    /** The HTML report. */
    public static final String HTML = "report.html";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoadTestReports() {
    }

    /**
     * Writes the report of a run whose histogram log is already in the folder.
     *
     * @param folder     output folder
     * @param data       the run's results
     * @param thresholds what fails the run
     * @return the summary and the verdict
     * @throws IOException if a file cannot be read or written
     */
    public static LoadTestOutcome write(Path folder, RunData data, Thresholds thresholds) throws IOException {
        Path log = folder.resolve(LoadTestEngine.HISTOGRAM_LOG);
        LoadTestSummary summary = LoadTestSummary.of(data, HistogramLogs.totals(
                Files.exists(log) ? List.of(log) : List.of()));
        List<String> failures = thresholds.failures(summary);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", summary);
        json.put("thresholds", thresholds);
        json.put("failures", failures);
        json.put("data", data);
        Path jsonFile = folder.resolve(JSON);
        SecureFiles.writePublic(jsonFile, MAPPER.writeValueAsString(json));
        Path htmlFile = folder.resolve(HTML);
        SecureFiles.writePublic(htmlFile, new HtmlReport(data, summary, HistogramLogs.totals(
                Files.exists(log) ? List.of(log) : List.of()), failures).render());
        return new LoadTestOutcome(summary, failures, jsonFile, htmlFile, log);
    }

    /**
     * Merges shard outputs into one report: histogram logs merged (not percentiles averaged), counts summed.
     *
     * @param inputs     shard output folders (or their report.json files)
     * @param folder     where the merged report goes
     * @param thresholds what fails the merged run
     * @return the merged summary and verdict
     * @throws IOException if a file cannot be read or written
     */
    public static LoadTestOutcome merge(List<Path> inputs, Path folder, Thresholds thresholds) throws IOException {
        List<RunData> parts = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (Path input : inputs) {
            Path dir = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
            parts.add(readData(dir.resolve(JSON)));
            Path log = dir.resolve(LoadTestEngine.HISTOGRAM_LOG);
            if (Files.exists(log)) {
                logs.add(log);
            }
        }
        Files.createDirectories(folder);
        HistogramLogs.merge(logs, folder.resolve(LoadTestEngine.HISTOGRAM_LOG));
        return write(folder, RunDataMerge.merge(parts), thresholds);
    }

    /**
     * @param json a report.json
     * @return its raw data
     * @throws IOException if it cannot be read
     */
    public static RunData readData(Path json) throws IOException {
        if (!Files.isRegularFile(json)) {
            throw new InvalidInputException("No load-test report at " + json + "; pass folders written by"
                    + " iot:loadtest (each holds report.json and " + LoadTestEngine.HISTOGRAM_LOG + ")");
        }
        JsonNode data = MAPPER.readTree(json.toFile()).get("data");
        if (data == null) {
            throw new InvalidInputException(json + " has no 'data' section; it was not written by iot:loadtest");
        }
        return MAPPER.treeToValue(data, RunData.class);
    }
}
