package io.github.camelzalo.component.zalo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that provoke a logger's warnings on purpose (429s, which the pacer reports at WARN): during each test,
 * that logger's lines go to this capture, where the test can check them, and to the suite's DEBUG log (which
 * {@link SecretsNeverLoggedTest} scans), but not to the console, where they would read as a problem of the build.
 */
final class CapturedLog extends AbstractAppender implements BeforeEachCallback, AfterEachCallback {

    private final String loggerName;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(String loggerName) {
        super("captured-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
        this.loggerName = loggerName;
    }

    static CapturedLog of(Class<?> logger) {
        return new CapturedLog(logger.getName());
    }

    /** By name, for a logger whose class the test cannot see. */
    static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** The lines logged during this test, as {@code LEVEL message}. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig logger = new LoggerConfig(loggerName, Level.DEBUG, false);
        logger.addAppender(this, Level.DEBUG, null);
        Appender debugLog = config.getRootLogger().getAppenders().get("debug");
        if (debugLog != null) {
            logger.addAppender(debugLog, Level.DEBUG, null);
        }
        config.addLogger(loggerName, logger);
        ctx.updateLoggers();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().removeLogger(loggerName);
        ctx.updateLoggers();
        stop();
    }
}
