package io.github.camelzalo.component.zalo.micrometer;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloAppAccount;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Provider zalo: each OA's token is a gauge of its time to expiry, with its refreshes and re-authorization. */
class ZaloTokenMetersTest {

    private static final String APP = "4318000000000000001";
    private static final String OA = "1600190000752846";
    private static WireMockServer wireMock;

    @BeforeAll
    static void startStub() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(post(urlEqualTo("/oauth/v4/oa/access_token"))
                .withFormParam("refresh_token", equalTo("zalo-token-refresh-5eed01"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"zalo-token-access-a11ce1\",\"refresh_token\":"
                                  + "\"zalo-token-refresh-a11ce2\",\"expires_in\":\"90000\"}")));
        wireMock.stubFor(post(urlEqualTo("/openapi/v3.0/oa/message/cs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m\",\"user_id\":\"1\"}}")));
    }

    @AfterAll
    static void stopStub() {
        wireMock.stop();
    }

    @Test
    void theOasTokenIsMeasured() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Path tokens = Files.createTempDirectory("zalo-meter-tokens");
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("meterRegistry", meters);
            ZaloComponent zalo = new ZaloComponent();
            ZaloAppAccount app = zalo.getZalo();
            app.setAppId(APP);
            app.setAppSecret("zalo-secret-app-9c1e55");
            app.setRefreshToken("zalo-token-refresh-5eed01");
            app.setTokenDirectory(tokens.toString());
            app.setOauthBaseUrl("http://127.0.0.1:" + wireMock.port() + "/oauth");
            app.setOpenApiBaseUrl("http://127.0.0.1:" + wireMock.port() + "/openapi");
            app.setRateLimit(0);
            zalo.getConfiguration().setOaId(OA);
            context.addComponent("zalo", zalo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:oa").to("zalo:send?provider=zalo");
                }
            });
            context.start();

            Exchange out = context.createProducerTemplate().request("direct:oa", e -> {
                e.getMessage().setHeader(ZaloConstants.USER_ID, "8941234567136201");
                e.getMessage().setBody("Xin chào");
            });

            assertThat(out.getException()).isNull();
            assertThat(meters.find("zalo.token.expires").tags("app", APP, "oa", OA).gauge().value())
                    .isBetween(89_000.0, 90_000.0);
            assertThat(meters.find("zalo.token.refreshes").tags("oa", OA).functionCounter().count()).isEqualTo(1);
            assertThat(meters.find("zalo.token.reauthorization").tags("oa", OA).gauge().value()).isZero();
            assertThat(meters.find("zalo.calls").tags("provider", "zalo", "outcome", "OK").timer().count())
                    .isEqualTo(1);
        }
    }
}
