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

        LogSecrets.Findings inLog = LogSecrets.findIn(log, ALLOWED);
        LogSecrets.Findings inConsole = LogSecrets.findIn(console, ALLOWED);
        assertThat(inLog.reported()).as("secrets in %s (%d lines)", SuiteOutputCapture.DEBUG_LOG,
                log.lines().count()).isEmpty();
        assertThat(inConsole.reported()).as("secrets in what the tests printed (%s)", SuiteOutputCapture.CONSOLE_LOG)
                .isEmpty();
    }

    /**
     * Camel Main itself, at DEBUG only, lists every property it applies with its value, for every component and
     * whatever its name (Camel's own behaviour, outside the component). At INFO it masks the keys, because their
     * names end in {@code apiKey} ({@code camel.component.zalo.caresoft.apiKey = xxxxxx}): that is checked, since
     * only DEBUG lines of org.apache.camel.main are allowed here. docs/reliability.md tells users to keep that
     * logger at INFO.
     */
    private static final Pattern CAMEL_MAIN_DEBUG = Pattern.compile(
            ".* DEBUG .* org\\.apache\\.camel\\.main\\.(?:BaseMainSupport|MainHelper) - .*camel\\.component\\.zalo\\."
                                                                    + "(?:(?:caresoft|etelecom)\\.apiKey *= *<API KEY>"
                                                                    + "|zalo\\.(?:appSecret|oaSecretKey|refreshToken)"
                                                                    + " *= *<ZALO SECRET>).*");

    /**
     * Zalo's ZNS status API takes the phone number in the query ({@code GET /message/status?message_id=…&phone=…}),
     * and HttpClient, at DEBUG only, logs every request line. Nothing else of any request is in a URL. The component
     * page and docs/reliability.md tell users to keep {@code org.apache.hc.client5.http} below DEBUG.
     */
    private static final Pattern HTTPCLIENT_ZNS_STATUS_DEBUG = Pattern.compile(
            ".* DEBUG .* org\\.apache\\.hc\\.client5\\.http\\.[\\w.]+ - .*GET /[\\w/]*message/status\\?message_id=[^&\\s]+"
                                                                               + "&phone=<PHONE>.*");

    private static final Pattern ALLOWED = Pattern.compile(CAMEL_MAIN_DEBUG.pattern() + "|"
                                                           + HTTPCLIENT_ZNS_STATUS_DEBUG.pattern());
}
