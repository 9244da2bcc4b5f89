package io.jitp.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A reporter keeping every line (warnings prefixed {@code WARN }), for tests asserting what the user is told. */
public final class RecordingReporter implements Reporter {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    /** @return the lines so far */
    public List<String> lines() {
        return lines;
    }

    /** @return the last line */
    public String last() {
        return lines.get(lines.size() - 1);
    }
}
