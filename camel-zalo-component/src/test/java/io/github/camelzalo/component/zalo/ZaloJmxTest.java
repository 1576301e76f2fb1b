package io.github.camelzalo.component.zalo;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelzalo.component.zalo.pacing.AccountPacer;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's JMX attributes (its account's calls, failures, lock-out and pacing) and the operation that ends a
 * slowdown, read and invoked through the platform MBean server as JConsole or Jolokia would; no attribute of any of
 * the context's MBeans shows a key.
 */
class ZaloJmxTest extends ZaloTestSupport {

    @RegisterExtension
    final CapturedLog pacerLog = CapturedLog.of(AccountPacer.class);

    ZaloJmxTest() {
        testConfiguration().withJMX(true);
    }

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.getCaresoft().setRateLimit(15);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:send").to("zalo:send");
                // a key in a URI, which Camel's own attributes must mask
                from("direct:second").to("zalo:send?apiKey=cs-second-token-8e8e");
            }
        };
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private ObjectName endpoint(String uri) throws Exception {
        Set<ObjectName> names = server().queryNames(new ObjectName("org.apache.camel:context="
                                                                   + context.getManagementName()
                                                                   + ",type=endpoints,*"), null);
        return names.stream().filter(n -> n.getKeyProperty("name").equals("\"" + uri + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint MBean for " + uri + " in " + names));
    }

    private void send() {
        template.request("direct:send", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });
    }

    @Test
    void theEndpointShowsItsAccountsCallsAndPacingAndResetEndsASlowdown() throws Exception {
        stub(post(urlEqualTo(CARESOFT_SEND)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}")
                        .withHeader("Retry-After", "0"))
                .willSetStateTo("open"));
        stub(post(urlEqualTo(CARESOFT_SEND)).inScenario("429").whenScenarioStateIs("open")
                .willReturn(caresoftOk()));
        send();
        ObjectName name = endpoint("zalo://send");

        assertThat(server().getAttribute(name, "ProviderName")).isEqualTo("caresoft");
        assertThat((String) server().getAttribute(name, "Account")).matches("caresoft http://127\\.0\\.0\\.1:\\d+/acme"
                                                                          + " key#[0-9a-f]{8}");
        assertThat(server().getAttribute(name, "CallsSucceeded")).isEqualTo(1L);
        assertThat(server().getAttribute(name, "CallsFailed")).isEqualTo(0L);
        assertThat(server().getAttribute(name, "RateLimitedAnswers")).isEqualTo(1L);
        assertThat(server().getAttribute(name, "RateLimitResends")).isEqualTo(1L);
        assertThat(server().getAttribute(name, "RateLimitSlowdowns")).isEqualTo(1L);
        assertThat(server().getAttribute(name, "RateLimitConfigured")).isEqualTo(15.0);
        assertThat((Double) server().getAttribute(name, "RateLimitCurrent")).isLessThan(15.0);

        Object answer = server().invoke(name, "resetRateLimit", new Object[0], new String[0]);

        assertThat((String) answer).endsWith("is back to 15.0 calls/s");
        assertThat(server().getAttribute(name, "RateLimitCurrent")).isEqualTo(15.0);
        assertThat(pacerLog.lines()).anyMatch(l -> l.startsWith("INFO The rate limit of caresoft"));
    }

    @Test
    void failuresByKindAndTheLockOutAreAttributesToo() throws Exception {
        stub(CARESOFT_SEND, json(404, "{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry"
                                      + " after 15 minutes \"}"));
        send();
        ObjectName name = endpoint("zalo://send");

        assertThat(server().getAttribute(name, "FailuresByKind")).isEqualTo("LOCKED_OUT=1");
        assertThat(server().getAttribute(name, "LastFailureKind")).isEqualTo("LOCKED_OUT");
        assertThat((String) server().getAttribute(name, "LockedOutUntil")).isNotEmpty();
        assertThat((String) server().getAttribute(name, "LastFailureAt")).isNotEmpty();
    }

    @Test
    void noAttributeOfTheContextsMBeansShowsAKey() throws Exception {
        stub(CARESOFT_SEND, caresoftOk());
        send();
        template.request("direct:second", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });

        List<String> values = new ArrayList<>();
        for (ObjectName n : server().queryNames(new ObjectName("org.apache.camel:context="
                                                               + context.getManagementName() + ",*"), null)) {
            values.add(n.toString());
            for (MBeanAttributeInfo a : server().getMBeanInfo(n).getAttributes()) {
                if (!a.isReadable()) {
                    continue;
                }
                try {
                    values.add(n + " " + a.getName() + "=" + server().getAttribute(n, a.getName()));
                } catch (Exception e) {
                    // some attributes need a running route or are not supported: nothing shown
                }
            }
        }

        assertThat(values).hasSizeGreaterThan(100);
        assertThat(values).noneMatch(v -> v.contains(CARESOFT_KEY) || v.contains("cs-second-token-8e8e"));
        assertThat(values).anyMatch(v -> v.contains("type=endpoints") && v.contains("CallsSucceeded=1"));
    }
}
