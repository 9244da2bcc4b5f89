package io.jitp.maven;

import io.jitp.core.loadtest.LoadTestOutcome;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** What {@code loadtest} and {@code loadtest-report} print after writing a report, and the build's verdict. */
final class LoadTestVerdict {
    private LoadTestVerdict() {
    }

    /**
     * @param outcome the written report
     * @param log     the build log
     * @throws MojoFailureException naming every threshold missed, after the report is written
     */
    static void apply(LoadTestOutcome outcome, Log log) throws MojoFailureException {
        outcome.summary().describe().forEach(log::info);
        log.info("Report: " + outcome.html() + " (data: " + outcome.json() + ", latencies: " + outcome.log() + ")");
        if (!outcome.passed()) {
            throw new MojoFailureException("The load test missed its thresholds: " + String.join("; ",
                    outcome.failures()) + ". See " + outcome.html());
        }
    }
}
