package io.jitp.emulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The stand-in process's logging: one line per event on stderr, libraries kept quiet (WARN), the stand-in's own
 * classes at INFO, or at the level of {@code -Diot.jitp.log.level} ({@code DEBUG} shows the start-up phase timings,
 * see {@link PhaseClock}).
 *
 * <p>Set up in code rather than from an XML file: logback's XML configurator (its parser and model classes) costs a
 * fresh JVM about 0.1 s of CPU on the start-up path. Logback finds this class through the service loader, in every
 * JVM that has the stand-in's jar; it acts only in the stand-in's own process ({@link Emulator#main} sets
 * {@value #PROPERTY}, unless {@code -Dlogback.configurationFile} names another configuration, which logback then
 * reads as usual), so tests and other programs keep their own configuration.
 */
public final class StandInLogging extends ContextAwareBase implements Configurator {
    /** The system property that makes this configuration apply. */
    public static final String PROPERTY = "iot.jitp.emulator.logging";
    /** The level of the stand-in's own loggers ({@code io.jitp}), INFO when unset. */
    public static final String LEVEL_PROPERTY = "iot.jitp.log.level";

    /** For the service loader. */
    public StandInLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("io.jitp").setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
