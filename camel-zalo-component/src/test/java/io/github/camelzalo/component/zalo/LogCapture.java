package io.github.camelzalo.component.zalo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log line of the JVM at DEBUG while open, with stack traces, for secret checks. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final Level previousRootLevel;

    private LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        start();
        LoggerConfig root = config.getRootLogger();
        previousRootLevel = root.getLevel();
        root.addAppender(this, Level.DEBUG, null);
        root.setLevel(Level.DEBUG);
        config.getLoggers().values().forEach(l -> {
            if (l != root) {
                l.addAppender(this, Level.DEBUG, null);
                l.setLevel(Level.DEBUG);
            }
        });
        ctx.updateLoggers();
    }

    static LogCapture open() {
        return new LogCapture();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder sb = new StringBuilder(event.getMessage().getFormattedMessage());
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t);
        }
        lines.add(sb.toString());
        events.add(event.toImmutable());
    }

    /** The messages logged at {@code level} or more severe. */
    List<String> atLeast(Level level) {
        return events.stream().filter(e -> e.getLevel().isMoreSpecificThan(level))
                .map(e -> e.getMessage().getFormattedMessage()).toList();
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().removeAppender(getName());
        config.getRootLogger().setLevel(previousRootLevel);
        config.getLoggers().values().forEach(l -> l.removeAppender(getName()));
        ctx.reconfigure();
        stop();
    }
}
