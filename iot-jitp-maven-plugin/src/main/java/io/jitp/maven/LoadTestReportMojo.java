package io.jitp.maven;

import io.jitp.core.loadtest.LoadTestReports;
import io.jitp.core.loadtest.Thresholds;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Merges the outputs of load-test shards ({@code iot:loadtest -Diot.loadtest.shard=K/N} on several machines) into one
 * report in {@code <outputDirectory>/loadtest-merged}: latency histograms merged (not percentiles averaged), counts
 * and per-publisher accounts summed, so loss is computed across shards; the thresholds then apply to the whole test.
 *
 * @since 0.1.0
 */
@Mojo(name = "loadtest-report", requiresProject = false, threadSafe = true)
public class LoadTestReportMojo extends AbstractIotMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_REPORT_SKIP, defaultValue = "false")
    private boolean skipLoadTestReport;

    /**
     * Shard output folders (each with report.json and latency.hlog) or report.json files.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_INPUTS, required = true)
    private List<File> inputs;

    /**
     * Fail when achieved / expected msg/s is below this (0 disables).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MIN_RATE_RATIO, defaultValue = "0.95")
    private double minRateRatio;

    /**
     * Fail when the delivery latency p99 exceeds this many ms (0 disables).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MAX_P99_MILLIS, defaultValue = "0")
    private double maxP99Millis;

    /**
     * Fail when lost / expected messages exceeds this ratio (negative disables).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MAX_LOSS, defaultValue = "0.001")
    private double maxLoss;

    /**
     * Folder for results; default {@code ${project.build.directory}/iot-jitp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
    private File outputDirectory;

    @Override
    protected void run() throws IOException, MojoFailureException {
        Thresholds thresholds = new Thresholds(minRateRatio, maxP99Millis, maxLoss);
        List<Path> paths = inputs.stream().map(File::toPath).toList();
        getLog().info("Merging " + paths.size() + " load-test output(s): " + paths);
        LoadTestVerdict.apply(LoadTestReports.merge(paths, outputFolder(outputDirectory).resolve("loadtest-merged"),
                thresholds), getLog());
    }

    @Override
    protected String goal() {
        return "loadtest-report";
    }

    @Override
    protected boolean skipGoal() {
        return skipLoadTestReport;
    }
}
