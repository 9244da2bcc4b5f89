package io.jitp.integration;

import io.jitp.core.Reporter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line the core reports, to assert on what the user is told; warnings are prefixed with WARN. */
final class RecordingReporter implements Reporter {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }
}
