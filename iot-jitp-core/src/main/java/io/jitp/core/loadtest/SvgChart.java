package io.jitp.core.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, so the HTML report needs no script or network: linear axes with rounded ticks (or
 * given x tick labels), a shaded band (the measured window) and a legend.
 */
final class SvgChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Tick> xTicks = new ArrayList<>();
    private double bandFrom = Double.NaN;
    private double bandTo = Double.NaN;

    private record Series(String name, String color, double[] xs, double[] ys, boolean dashed) {
    }

    /** A labelled x position. */
    record Tick(double x, String label) {
    }

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart line(String name, String color, double[] xs, double[] ys, boolean dashed) {
        series.add(new Series(name, color, xs, ys, dashed));
        return this;
    }

    SvgChart xTicks(List<Tick> ticks) {
        xTicks.addAll(ticks);
        return this;
    }

    SvgChart band(double from, double to) {
        bandFrom = from;
        bandTo = to;
        return this;
    }

    String render() {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs.length; i++) {
                minX = Math.min(minX, s.xs[i]);
                maxX = Math.max(maxX, s.xs[i]);
                maxY = Math.max(maxY, s.ys[i]);
            }
        }
        for (Tick tick : xTicks) {
            minX = Math.min(minX, tick.x);
            maxX = Math.max(maxX, tick.x);
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 1;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        double yStep = niceStep(maxY <= 0 ? 1 : maxY);
        double yTop = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
        Scale scale = new Scale(minX, maxX, yTop);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT,
                escape(title)));
        svg.append(text(WIDTH / 2.0, 20, title, "middle", "font-weight:bold"));
        if (!Double.isNaN(bandFrom)) {
            double x1 = scale.x(Math.max(minX, bandFrom));
            double x2 = scale.x(Math.min(maxX, bandTo));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                    + " fill=\"#eef5ee\"><title>measured window</title></rect>%n", x1, TOP, Math.max(0, x2 - x1),
                    HEIGHT - TOP - BOTTOM));
        }
        for (double y = 0; y <= yTop + yStep / 2; y += yStep) {
            double py = scale.y(y);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                    + " stroke=\"#ddd\"/>%n", LEFT, py, WIDTH - RIGHT, py));
            svg.append(text(LEFT - 6, py + 4, format(y), "end", ""));
        }
        List<Tick> ticks = xTicks.isEmpty() ? autoTicks(minX, maxX) : xTicks;
        for (Tick tick : ticks) {
            double px = scale.x(tick.x);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#999\"/>%n", px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5));
            svg.append(text(px, HEIGHT - BOTTOM + 18, tick.label, "middle", ""));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>%n", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        svg.append(text(WIDTH / 2.0, HEIGHT - 8, xLabel, "middle", ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\""
                + " text-anchor=\"middle\" font-size=\"12\">%s</text>%n", HEIGHT / 2.0, HEIGHT / 2.0,
                escape(yLabel)));
        int legendX = LEFT + 10;
        for (Series s : series) {
            svg.append(polyline(s, scale));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>%n",
                    legendX, TOP + 8, s.color));
            svg.append(text(legendX + 16, TOP + 13, s.name, "start", ""));
            legendX += 24 + 7 * s.name.length();
        }
        return svg.append("</svg>\n").toString();
    }

    private static String polyline(Series s, Scale scale) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < s.xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(s.xs[i]), scale.y(s.ys[i])));
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s"
                + " points=\"%s\"><title>%s</title></polyline>%n", s.color, s.dashed ? " stroke-dasharray=\"6 4\"" : "",
                points.toString().trim(), escape(s.name));
    }

    private static List<Tick> autoTicks(double min, double max) {
        double step = niceStep(max - min);
        List<Tick> ticks = new ArrayList<>();
        for (double x = Math.ceil(min / step) * step; x <= max + step / 1000; x += step) {
            ticks.add(new Tick(x, format(x)));
        }
        return ticks;
    }

    /** @return 1, 2 or 5 times a power of ten giving about five steps up to range */
    static double niceStep(double range) {
        double raw = range / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String text(double x, double y, String content, String anchor, String style) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\"%s>%s"
                + "</text>%n",
                x, y, anchor, style.isEmpty() ? "" : " style=\"" + style + "\"", escape(content));
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Scale(double minX, double maxX, double maxY) {
        double x(double value) {
            return LEFT + (value - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - value / maxY * (HEIGHT - TOP - BOTTOM);
        }
    }
}
