package io.github.camelzalo.component.zalo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.LoggerFactory;

/**
 * Captures what the whole test run writes, for {@link SecretsNeverLoggedTest}: before any test class is loaded it
 * starts a fresh DEBUG log ({@code target/test-logs/debug.log}, see {@code log4j2-test.properties}) marked with this
 * run's id, and copies everything printed to {@code System.out} and {@code System.err} into
 * {@code target/test-logs/console.log}. It also keeps track of which test classes have not finished yet, so that
 * the check can prove it ran last. Registered through {@code META-INF/services} as a launcher session listener and
 * a test execution listener; JUnit makes one instance for each, hence the static state.
 */
public final class SuiteOutputCapture implements LauncherSessionListener, TestExecutionListener {

    static final Path DIR = Path.of("target", "test-logs");
    static final Path DEBUG_LOG = DIR.resolve("debug.log");
    static final Path CONSOLE_LOG = DIR.resolve("console.log");

    private static volatile String runId;
    private static volatile boolean planStarted;
    private static final Set<String> UNFINISHED_CLASSES = ConcurrentHashMap.newKeySet();
    private static final Set<String> PLANNED_CLASSES = ConcurrentHashMap.newKeySet();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static OutputStream consoleCopy;
    private static boolean copyClosed;

    /** This run's id, written as the first line of the DEBUG log; {@code null} when the listener did not run. */
    static String runId() {
        return runId;
    }

    /** Whether the listener saw the test plan start, so that {@link #unfinishedClasses()} means something. */
    static boolean planStarted() {
        return planStarted;
    }

    /** The test classes of this run. */
    static Set<String> plannedClasses() {
        return Set.copyOf(PLANNED_CLASSES);
    }

    /** The test classes of this run that have not finished yet. */
    static Set<String> unfinishedClasses() {
        return Set.copyOf(UNFINISHED_CLASSES);
    }

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (runId != null) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            // before log4j starts (nothing has logged yet): the log appends, so an old run must not linger in it
            Files.deleteIfExists(DEBUG_LOG);
            consoleCopy = Files.newOutputStream(CONSOLE_LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
        runId = UUID.randomUUID().toString();
        LoggerFactory.getLogger(SuiteOutputCapture.class).info("test run {} started", runId);
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (originalOut != null) {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut = null;
            try {
                synchronized (SuiteOutputCapture.class) {
                    copyClosed = true;
                    consoleCopy.close();
                }
            } catch (IOException e) {
                // the copy is only for the check, which has run by now
            }
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof ClassSource cs && id.isContainer()) {
                    UNFINISHED_CLASSES.add(cs.getClassName());
                    PLANNED_CLASSES.add(cs.getClassName());
                }
            }
        }
        planStarted = true;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.getSource().orElse(null) instanceof ClassSource cs && id.isContainer()) {
            UNFINISHED_CLASSES.remove(cs.getClassName());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.getSource().orElse(null) instanceof ClassSource cs) {
            UNFINISHED_CLASSES.remove(cs.getClassName());
        }
    }

    static synchronized void flushConsoleCopy() throws IOException {
        System.out.flush();
        System.err.flush();
        if (consoleCopy != null && !copyClosed) {
            consoleCopy.flush();
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                synchronized (SuiteOutputCapture.class) {
                    if (!copyClosed) {
                        consoleCopy.write(b);
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                original.write(b, off, len);
                synchronized (SuiteOutputCapture.class) {
                    if (!copyClosed) {
                        consoleCopy.write(b, off, len);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                original.flush();
            }
        }, true, Charset.defaultCharset());
    }
}
