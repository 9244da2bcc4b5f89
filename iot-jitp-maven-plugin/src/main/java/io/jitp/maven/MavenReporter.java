package io.jitp.maven;

import io.jitp.core.Reporter;

import org.apache.maven.plugin.logging.Log;

/** Shows the core's progress and warnings in the Maven log. */
final class MavenReporter implements Reporter {
    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
