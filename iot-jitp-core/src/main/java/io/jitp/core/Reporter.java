package io.jitp.core;

/**
 * Where the core tells the user what it is doing. The core has no logging framework; a build tool adapts this to its
 * own log (the Maven plugin to {@code org.apache.maven.plugin.logging.Log}). Never pass secrets.
 */
public interface Reporter {
    /** @param message progress or a result worth showing by default */
    void info(String message);

    /** @param message something the user should act on, though the run goes on */
    void warn(String message);

    /** @return a reporter that drops everything (tests, embedded use) */
    static Reporter silent() {
        return new Reporter() {
            @Override
            public void info(String message) {
                // dropped on purpose
            }

            @Override
            public void warn(String message) {
                // dropped on purpose
            }
        };
    }
}
