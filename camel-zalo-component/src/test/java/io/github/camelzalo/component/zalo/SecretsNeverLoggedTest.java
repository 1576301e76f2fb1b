package io.github.camelzalo.component.zalo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of the module (see {@code junit-platform.properties}) and fails the build if
 * anything the whole run logged at DEBUG, or printed, holds an API key, a Bearer token or an unmasked phone number.
 * The tests send real-looking keys and phone numbers through every path, success and failure, so this is where a
 * careless log statement shows up.
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverLoggedTest {

    @Test
    void noSecretInAnythingTheTestRunLoggedOrPrinted() throws Exception {
        // the capture is in place, at DEBUG, and has been since the run began
        assertThat(SuiteOutputCapture.runId()).as("SuiteOutputCapture registered as a launcher session listener")
                .isNotNull();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        assertThat(config.getRootLogger().getLevel()).isEqualTo(Level.DEBUG);
        Appender debug = config.getRootLogger().getAppenders().get("debug");
        assertThat(debug).as("the DEBUG file appender of log4j2-test.properties").isInstanceOf(FileAppender.class);
        ((FileAppender) debug).getManager().flush();
        SuiteOutputCapture.flushConsoleCopy();

        String log = Files.readString(SuiteOutputCapture.DEBUG_LOG, StandardCharsets.UTF_8);
        String console = Files.readString(SuiteOutputCapture.CONSOLE_LOG, StandardCharsets.UTF_8);
        // the log is this run's, whole: its first line names the run (a truncation would have removed it)
        assertThat(log.lines().findFirst().orElse("")).contains("test run " + SuiteOutputCapture.runId());

        // and it ran last, so that it saw everything
        Set<String> others = SuiteOutputCapture.unfinishedClasses();
        assertThat(SuiteOutputCapture.planStarted()).isTrue();
        assertThat(others).as("test classes still to run").containsOnly(getClass().getName());

        LogSecrets.Findings inLog = LogSecrets.findIn(log, KNOWN_LEAK);
        LogSecrets.Findings inConsole = LogSecrets.findIn(console, KNOWN_LEAK);
        assertThat(inLog.reported()).as("secrets in %s (%d lines)", SuiteOutputCapture.DEBUG_LOG,
                log.lines().count()).isEmpty();
        assertThat(inConsole.reported()).as("secrets in what the tests printed (%s)", SuiteOutputCapture.CONSOLE_LOG)
                .isEmpty();
        // known and reported, not accepted (see KNOWN_LEAK); when ZaloCamelMainTest ran, the allowance must still be
        // needed, so that it goes away with the leak
        if (SuiteOutputCapture.plannedClasses().contains(getClass().getPackageName() + ".ZaloCamelMainTest")) {
            assertThat(inLog.allowed()).as("KNOWN_LEAK no longer occurs: remove the allowance").isPositive();
        }
    }

    /**
     * KNOWN LEAK, found by this check (ZaloCamelMainTest): Camel Main prints the values of
     * {@code camel.component.zalo.caresoftApiKey} and {@code etelecomApiKey} in its auto-configuration summary (INFO)
     * and at DEBUG, because Camel masks only property names it knows ({@code apiKey}, {@code token}, ...; see
     * {@code org.apache.camel.util.SensitiveUtils}), and {@code caresoftApiKey} is not one of them. The component
     * cannot add names to that list; the fix is an option whose last name segment Camel knows, e.g. a nested
     * {@code camel.component.zalo.caresoft.api-key}. Until then docs/reliability.md gives the workaround. Only these
     * lines from Camel Main are allowed; the same key anywhere else still fails the build.
     */
    private static final Pattern KNOWN_LEAK = Pattern.compile(
            ".* org\\.apache\\.camel\\.main\\.\\S+ - .*camel\\.component\\.zalo\\.(?:caresoft|etelecom)ApiKey *= *<API KEY>.*");
}
