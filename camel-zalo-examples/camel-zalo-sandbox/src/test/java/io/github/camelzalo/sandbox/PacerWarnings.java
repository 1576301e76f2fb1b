package io.github.camelzalo.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelzalo.component.zalo.pacing.AccountPacer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * While open, the component's pacer logs here instead of on the console: for a test that drives the component into
 * the sandbox's rate limit on purpose, whose slowdown warnings are what it expects, not a problem of the build.
 */
final class PacerWarnings extends AbstractAppender implements AutoCloseable {

    private static final String LOGGER = AccountPacer.class.getName();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private PacerWarnings() {
        super("pacer-warnings", null, null, true, Property.EMPTY_ARRAY);
    }

    static PacerWarnings capture() {
        PacerWarnings capture = new PacerWarnings();
        capture.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
        logger.addAppender(capture, Level.INFO, null);
        ctx.getConfiguration().addLogger(LOGGER, logger);
        ctx.updateLoggers();
        return capture;
    }

    /** The lines logged while open, as {@code LEVEL message}. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().removeLogger(LOGGER);
        ctx.updateLoggers();
        stop();
    }
}
