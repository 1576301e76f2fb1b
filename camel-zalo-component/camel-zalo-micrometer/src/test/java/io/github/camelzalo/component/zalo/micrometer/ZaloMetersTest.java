package io.github.camelzalo.component.zalo.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With this module on the class path and a real {@link MeterRegistry} in the Camel registry, the component counts and
 * times its calls per provider, operation, outcome and account, and shows each paced account's rate limit; no key in
 * any tag.
 */
class ZaloMetersTest extends CamelTestSupport {

    private static final String KEY = "cs-meters-token-2a9f";
    private static final String SEND = "/acme/api/v1/zalo/send-message";
    private static WireMockServer wireMock;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startStub() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopStub() {
        wireMock.stop();
    }

    @BeforeEach
    void resetStub() {
        wireMock.resetAll();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meterRegistry", meters);
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl("http://127.0.0.1:" + wireMock.port() + "/acme");
        zalo.getCaresoft().setApiKey(KEY);
        zalo.getCaresoft().setRateLimit(2);
        zalo.getConfiguration().setOaId("1600190000752846");
        context.addComponent("zalo", zalo);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:send").to("zalo:send");
            }
        };
    }

    private Exchange send(String phone) {
        return template.request("direct:send", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, phone);
            e.getMessage().setBody("Xin chào");
        });
    }

    private Timer calls(String outcome) {
        return meters.find("zalo.calls").tags("provider", "caresoft", "operation", "send", "outcome", outcome)
                .timer();
    }

    @Test
    void everyCallIsTimedByProviderOperationOutcomeAndAccount() {
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"ok\"}")));
        assertThat(send("0981234980").getException()).isNull();
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"errors\",\"message\":\"no\"}")));
        send("0981234980");
        send("12");

        assertThat(calls("OK").count()).isEqualTo(1);
        assertThat(calls("OK").totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(calls("UNAUTHORIZED").count()).isEqualTo(1);
        assertThat(calls("INVALID_INPUT").count()).isEqualTo(1);
        assertThat(calls("OK").getId().getTag("account")).matches("127\\.0\\.0\\.1-[0-9a-f]{8}");
        List<String> tags = new ArrayList<>();
        for (Meter m : meters.getMeters()) {
            m.getId().getTags().forEach(t -> tags.add(t.getValue()));
        }
        assertThat(tags).isNotEmpty().noneMatch(t -> t.contains(KEY));
    }

    @Test
    void pacedCallsRecordTheirWaitAndTheAccountsRateLimitIsAGauge() throws Exception {
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"ok\"}")));

        // two a second: the third of three sent at once waits about a second for its turn
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(template.asyncSend("direct:send", e -> {
                e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
                e.getMessage().setBody("Xin chào");
            }));
        }
        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(10, TimeUnit.SECONDS).getException()).isNull();
        }

        Timer waits = meters.find("zalo.ratelimit.waits").tags("provider", "caresoft").timer();
        assertThat(waits.count()).isEqualTo(3);
        assertThat(waits.max(TimeUnit.MILLISECONDS)).isGreaterThan(500);
        assertThat(meters.find("zalo.ratelimit.configured").gauge().value()).isEqualTo(2.0);
        assertThat(meters.find("zalo.ratelimit.rate").gauge().value()).isEqualTo(2.0);
        assertThat(meters.find("zalo.ratelimit.waiting").gauge().value()).isZero();
        assertThat(meters.find("zalo.ratelimit.answers").functionCounter().count()).isZero();
    }

    @Test
    void theComponentsMetersGoWhenItStops() {
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"ok\"}")));
        send("0981234980");
        assertThat(meters.find("zalo.calls").timers()).isNotEmpty();

        context.stop();

        assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("zalo."));
    }
}
