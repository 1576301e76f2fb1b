package io.github.camelzalo.component.zalo.micrometer;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** No MeterRegistry, or metricsEnabled=false: the component sends as ever and records nothing. */
class ZaloMetersOffTest {

    private static WireMockServer wireMock;

    @BeforeAll
    static void startStub() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(post(urlEqualTo("/acme/api/v1/zalo/send-message")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"ok\",\"message\":\"ok\"}")));
    }

    @AfterAll
    static void stopStub() {
        wireMock.stop();
    }

    private static Exchange sendWith(SimpleMeterRegistry meters, boolean metricsEnabled) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            if (meters != null) {
                context.getRegistry().bind("meterRegistry", meters);
            }
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl("http://127.0.0.1:" + wireMock.port() + "/acme");
            zalo.getCaresoft().setApiKey("cs-off-token-11aa");
            zalo.getConfiguration().setOaId("1600190000752846");
            zalo.setMetricsEnabled(metricsEnabled);
            context.addComponent("zalo", zalo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("zalo:send");
                }
            });
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:send", e -> {
                e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
                e.getMessage().setBody("Xin chào");
            });
            if (meters != null) {
                assertThat(meters.find("zalo.calls").timers()).as("zalo.calls while running").isEmpty();
            }
            return out;
        }
    }

    @Test
    void withoutAMeterRegistryNothingIsRecordedAndTheCallGoesThrough() throws Exception {
        assertThat(sendWith(null, true).getException()).isNull();
    }

    @Test
    void metricsEnabledFalseRecordsNothingEvenWithARegistry() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        assertThat(sendWith(meters, false).getException()).isNull();
        assertThat(meters.getMeters()).isEmpty();
    }
}
