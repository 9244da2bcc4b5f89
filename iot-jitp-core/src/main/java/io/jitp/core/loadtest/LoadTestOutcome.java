package io.jitp.core.loadtest;

import java.nio.file.Path;
import java.util.List;

/**
 * A written report and its verdict.
 *
 * @param summary  the figures
 * @param failures thresholds missed, empty when the run passed
 * @param json     report.json
 * @param html     report.html
 * @param log      the histogram log
 */
public record LoadTestOutcome(LoadTestSummary summary, List<String> failures, Path json, Path html, Path log) {
    /** @return whether every threshold was met */
    public boolean passed() {
        return failures.isEmpty();
    }
}
