package io.github.camelzalo.component.zalo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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

    /** The key the placeholder run below uses; it has the shape the log check looks for. */
    static final String PLACEHOLDER_KEY = "cs-placeholder-token-5e11";

    @Test
    void noSecretInAnythingTheTestRunLoggedOrPrinted() throws Exception {
        // first, the key the way users configure it: through placeholders, from a system property and a properties
        // source, on the component from Java and in an endpoint URI
        sendConfiguredThroughPlaceholders();
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
        // a customer's text (zalo:events) appears at DEBUG at most: the whole run logged none of it at INFO or above
        List<String> textAtInfo = log.lines()
                .filter(l -> l.matches("^\\S+ (INFO|WARN|ERROR|FATAL) .*") && l.contains(WebhookPoster.CUSTOMER_TEXT))
                .limit(5).toList();
        assertThat(textAtInfo).as("a customer's text logged at INFO or above").isEmpty();
        assertThat(console).as("a customer's text printed").doesNotContain(WebhookPoster.CUSTOMER_TEXT);
        // Camel still prints resolved placeholders where docs/reliability.md says it does (if a Camel upgrade stops
        // doing so, the docs can say less): proof that the placeholder run above reached the log check
        for (Pattern camelLine : List.of(PROPERTIES_PARSER_DEBUG, CONTEXT_EXTENSION_DEBUG)) {
            assertThat(LogSecrets.findIn(log, camelLine).allowed()).as("lines like %s", camelLine).isPositive();
        }
    }

    /**
     * A context whose CareSoft key comes from placeholders, as users write them: {@code {{caresoft.token}}} set on
     * the component from Java (resolved by the component) and {@code {{sys:…}}} in an endpoint URI (resolved by
     * Camel). One send each, to a local server.
     */
    private static void sendConfiguredThroughPlaceholders() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.setProperty("zalo.secrets-test.key", PLACEHOLDER_KEY);
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.getPropertiesComponent().addInitialProperty("caresoft.token", PLACEHOLDER_KEY);
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/acme");
            zalo.getCaresoft().setApiKey("{{caresoft.token}}");
            zalo.getCaresoft().setRateLimit(0);
            zalo.getConfiguration().setOaId("1600190000752846");
            ctx.addComponent("zalo", zalo);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:component").to("zalo:send");
                    from("direct:uri").to("zalo:send?apiKey={{sys:zalo.secrets-test.key}}");
                }
            });
            ctx.start();
            for (String route : List.of("direct:component", "direct:uri")) {
                Exchange out = ctx.createProducerTemplate().request(route, e -> {
                    e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
                    e.getMessage().setBody("Xin chào");
                });
                assertThat(out.getException()).isNull();
            }
        } finally {
            System.clearProperty("zalo.secrets-test.key");
            server.stop(0);
        }
        assertThat(authorizations).containsExactly("Bearer " + PLACEHOLDER_KEY, "Bearer " + PLACEHOLDER_KEY);
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
                                                                    + "|zalo\\.(?:appSecret|oaSecretKey|previousOaSecretKey"
                                                                    + "|refreshToken) *= *<ZALO SECRET>"
                                                                    + "|zalo\\.oaSecretKeys *= *\\d+:<ZALO SECRET>).*");

    /**
     * Zalo's ZNS status API takes the phone number in the query ({@code GET /message/status?message_id=…&phone=…}),
     * and HttpClient, at DEBUG only, logs every request line. Nothing else of any request is in a URL. The component
     * page and docs/reliability.md tell users to keep {@code org.apache.hc.client5.http} below DEBUG.
     */
    private static final Pattern HTTPCLIENT_ZNS_STATUS_DEBUG = Pattern.compile(
            ".* DEBUG .* org\\.apache\\.hc\\.client5\\.http\\.[\\w.]+ - .*GET /[\\w/]*message/status\\?message_id=[^&\\s]+"
                                                                               + "&phone=<PHONE>.*");

    /**
     * HttpClient, at DEBUG only, logs the head of every request it writes, among them the CONNECT it makes itself to
     * open the tunnel of an https call through an outbound proxy, with the proxy's Basic credentials in full. The
     * component's own headers are logged masked (an http call's {@code Proxy-Authorization} among them: ProxyTest
     * sends one, and a clear one would fail here). docs/reliability.md says so.
     */
    private static final Pattern HTTPCLIENT_CONNECT_PROXY_CREDENTIALS_DEBUG = Pattern.compile(
            ".* DEBUG .* org\\.apache\\.hc\\.client5\\.http\\.headers - c-\\d+ >> <PROXY CREDENTIALS>");

    /**
     * Camel's properties parser, at DEBUG only, prints every placeholder it resolves with its value
     * ({@code Found property: caresoft.token with value: … to be used.}, or for {@code {{env:…}}} and
     * {@code {{sys:…}}}: {@code Property with key [sys:…] applied by function [sys] -> …}).
     */
    static final Pattern PROPERTIES_PARSER_DEBUG = Pattern.compile(
            ".* DEBUG .* org\\.apache\\.camel\\.component\\.properties\\.DefaultPropertiesParser - "
            + "(?:Found property: \\S+ with value: <API KEY> to be used\\.|Property with key \\[\\S+\\] applied by function "
            + "\\[\\w+\\] -> <API KEY>)");

    /** And the CamelContext, at DEBUG only, prints an endpoint URI's text before and after resolving it. */
    static final Pattern CONTEXT_EXTENSION_DEBUG = Pattern.compile(
            ".* DEBUG .* org\\.apache\\.camel\\.impl\\.engine\\.DefaultCamelContextExtension - Resolved text: .* -> "
            + ".*<API KEY>.*");

    /** The Camel loggers that print secrets at DEBUG, whatever the component does; docs/reliability.md lists them. */
    static final List<String> CAMEL_DEBUG_LOGGERS = List.of("org.apache.camel.main",
            "org.apache.camel.component.properties", "org.apache.camel.impl.engine.DefaultCamelContextExtension");

    private static final Pattern CAMEL_DEBUG = Pattern.compile(CAMEL_MAIN_DEBUG.pattern() + "|"
                                                               + PROPERTIES_PARSER_DEBUG.pattern() + "|"
                                                               + CONTEXT_EXTENSION_DEBUG.pattern());

    private static final Pattern ALLOWED = Pattern.compile(CAMEL_DEBUG.pattern() + "|"
                                                           + HTTPCLIENT_ZNS_STATUS_DEBUG.pattern() + "|"
                                                           + HTTPCLIENT_CONNECT_PROXY_CREDENTIALS_DEBUG.pattern());
}
