package io.jitp.core.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network) with the summary, the
 * verdict, and three charts: throughput over time against the expected rate, the latency percentile distribution,
 * and the connection timeline.
 */
final class HtmlReport {
    private static final String[] PERCENTILE_LABELS = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};

    private final RunData data;
    private final LoadTestSummary summary;
    private final Map<Latency, Histogram> latencies;
    private final List<String> failures;

    HtmlReport(RunData data, LoadTestSummary summary, Map<Latency, Histogram> latencies, List<String> failures) {
        this.data = data;
        this.summary = summary;
        this.latencies = latencies;
        this.failures = failures;
    }

    String render() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Load test report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:960px}table{border-collapse:collapse;")
                .append("margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}.pass{color:#070}.fail{color:#b00}</style>")
                .append("</head><body>\n<h1>Load test report</h1>\n");
        for (String line : data.plan().describe()) {
            html.append("<p>").append(SvgChart.escape(line)).append("</p>\n");
        }
        if (failures.isEmpty()) {
            html.append("<p class=\"pass\"><b>PASSED</b>: every threshold met.</p>\n");
        } else {
            html.append("<p class=\"fail\"><b>FAILED</b>:</p><ul>\n");
            failures.forEach(f -> html.append("<li class=\"fail\">").append(SvgChart.escape(f)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Summary</h2>\n<ul>\n");
        summary.describe().forEach(l -> html.append("<li>").append(SvgChart.escape(l)).append("</li>\n"));
        html.append("</ul>\n");
        latencyTable(html);
        generatorTable(html);
        html.append("<h2>Throughput</h2>\n").append(throughputChart());
        html.append("<h2>Latency distribution</h2>\n").append(percentileChart());
        html.append("<h2>Connections</h2>\n").append(connectionChart());
        return html.append("</body></html>\n").toString();
    }

    private void latencyTable(StringBuilder html) {
        html.append("<table><tr><th>latency (ms)</th><th>count</th><th>p50</th><th>p90</th><th>p99</th>")
                .append("<th>p99.9</th><th>max</th><th>mean</th></tr>\n");
        summary.latencies().forEach((tag, l) -> html.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                        + "<td>%.2f</td></tr>%n", tag, l.count(), l.p50Millis(), l.p90Millis(), l.p99Millis(),
                l.p999Millis(), l.maxMillis(), l.meanMillis())));
        html.append("</table>\n");
    }

    private void generatorTable(StringBuilder html) {
        html.append("<table><tr><th>shard</th><th>devices</th><th>connect s</th><th>CPU µs/msg</th>")
                .append("<th>of which kernel</th><th>RSS MB</th><th>KB/device</th><th>threads</th></tr>\n");
        for (GeneratorFigures g : summary.generators()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.2f</td>"
                            + "<td>%.0f %%</td><td>%.0f</td><td>%.0f</td><td>%d</td></tr>%n", g.shard(), g.devices(),
                    g.connectSeconds(), g.cpuMicrosPerMessage(), g.cpuSeconds() <= 0 ? 0
                            : 100 * Math.max(0, g.systemCpuSeconds()) / g.cpuSeconds(), g.rssBytes() / 1048576.0,
                    g.rssBytesPerDevice() / 1024.0, g.threads()));
        }
        html.append("</table>\n");
    }

    private double[] seconds(int length) {
        double[] xs = new double[length];
        for (int i = 0; i < length; i++) {
            xs[i] = i;
        }
        return xs;
    }

    private String throughputChart() {
        long[] published = data.series(Counter.PUBLISHED);
        long[] delivered = data.series(Counter.DELIVERED);
        long[] forwarded = data.series(Counter.FORWARDED);
        int length = Math.min(published.length, Math.min(delivered.length, forwarded.length));
        double[] total = new double[length];
        double[] expected = new double[length];
        for (int i = 0; i < length; i++) {
            total[i] = published[i] + delivered[i] + forwarded[i];
            expected[i] = data.expectedPerSecond();
        }
        double[] xs = seconds(length);
        return new SvgChart("Messages per second (publishes + deliveries + forwards)", "seconds since start",
                "msg/s")
                .band(data.steadyStartSecond() - data.startSecond(), data.steadyEndSecond() - data.startSecond())
                .line("achieved", "#1f77b4", xs, total, false)
                .line("expected", "#2ca02c", xs, expected, true)
                .line("publishes", "#ff7f0e", xs, toDouble(published, length), false)
                .line("deliveries", "#9467bd", xs, toDouble(delivered, length), false)
                .render();
    }

    private String percentileChart() {
        SvgChart chart = new SvgChart("Latency by percentile", "percentile", "ms");
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < PERCENTILE_LABELS.length; i++) {
            ticks.add(new SvgChart.Tick(i, PERCENTILE_LABELS[i]));
        }
        chart.xTicks(ticks);
        String[] colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};
        for (Latency latency : Latency.values()) {
            Histogram histogram = latencies.get(latency);
            if (histogram == null || histogram.getTotalCount() == 0) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            double cap = PERCENTILE_LABELS.length - 1;
            for (HistogramIterationValue value : histogram.percentiles(5)) {
                double p = value.getPercentileLevelIteratedTo() / 100.0;
                double x = p >= 1 ? cap : Math.min(cap, -Math.log10(1 - p));
                points.add(new double[] {x, value.getValueIteratedTo() / 1000.0});
            }
            chart.line(latency.tag(), colors[latency.ordinal()], points.stream().mapToDouble(v -> v[0]).toArray(),
                    points.stream().mapToDouble(v -> v[1]).toArray(), false);
        }
        return chart.render();
    }

    private String connectionChart() {
        long[] connected = data.series(Counter.CONNECTED);
        int length = connected.length;
        double[] xs = seconds(length);
        return new SvgChart("Connections", "seconds since start", "devices, events/s")
                .band(data.steadyStartSecond() - data.startSecond(), data.steadyEndSecond() - data.startSecond())
                .line("connected", "#1f77b4", xs, toDouble(connected, length), false)
                .line("connects/s", "#2ca02c", xs, toDouble(data.series(Counter.CONNECTS), length), false)
                .line("JITP drops/s", "#ff7f0e", xs, toDouble(data.series(Counter.JITP_DROPS), length), false)
                .line("disconnects/s", "#d62728", xs, toDouble(data.series(Counter.DISCONNECTS), length), false)
                .line("publishes missed/s", "#9467bd", xs, toDouble(data.series(Counter.MISSED), length), false)
                .line("errors/s", "#7f7f7f", xs, toDouble(data.series(Counter.ERRORS), length), true)
                .render();
    }

    private static double[] toDouble(long[] values, int length) {
        double[] result = new double[length];
        for (int i = 0; i < Math.min(length, values.length); i++) {
            result[i] = values[i];
        }
        return result;
    }
}
