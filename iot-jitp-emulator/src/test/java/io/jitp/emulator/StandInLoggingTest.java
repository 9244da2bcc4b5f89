package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in process's logging set up in code, as its XML file did: stderr, libraries at WARN, the stand-in at
 * INFO or {@code -Diot.jitp.log.level}; other JVMs that have the stand-in's jar keep their own configuration.
 */
class StandInLoggingTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(StandInLogging.PROPERTY);
        System.clearProperty(StandInLogging.LEVEL_PROPERTY);
    }

    @Test
    void theStandInProcessLogsToStderrWithLibrariesAtWarn() {
        System.setProperty(StandInLogging.PROPERTY, "true");
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertEquals("System.err", stderr.getTarget());
        assertTrue(stderr.isStarted());
        assertEquals(Level.INFO, context.getLogger("io.jitp.emulator.EmulatorServer").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.hivemq.HiveMQServer").getEffectiveLevel());
    }

    @Test
    void theStandInsLevelComesFromItsProperty() {
        System.setProperty(StandInLogging.PROPERTY, "true");
        System.setProperty(StandInLogging.LEVEL_PROPERTY, "DEBUG");
        LoggerContext context = new LoggerContext();
        configure(context);
        assertEquals(Level.DEBUG, context.getLogger("io.jitp.emulator.PhaseClock").getEffectiveLevel());
    }

    @Test
    void otherJvmsKeepTheirOwnConfiguration() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
        assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .anyMatch(provider -> provider.type() == StandInLogging.class));
    }

    private static ExecutionStatus configure(LoggerContext context) {
        StandInLogging configurator = new StandInLogging();
        configurator.setContext(context);
        return configurator.configure(context);
    }
}
