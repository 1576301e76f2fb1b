package io.github.camelzalo.component.zalo;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Camel Main configures the component only from {@code camel.component.zalo.*} properties (the file
 * {@code camel-main-zalo.properties}), the way Camel Main and Camel JBang users configure every component. No Java
 * touches the component: if a property did not bind, a call below goes to the wrong place or with the wrong key.
 */
class ZaloCamelMainTest {

    private static WireMockServer wireMock;
    private Main main;

    @BeforeAll
    static void startStub() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(post(urlEqualTo("/acme/api/v1/zalo/send-message")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
        wireMock.stubFor(post(urlEqualTo("/v1/shop.Zalo/OASendImage")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"msg_id\":\"m-main-1\",\"type\":\"photo\"}")));
    }

    @AfterAll
    static void stopStub() {
        wireMock.stop();
    }

    @AfterEach
    void stopMain() throws Exception {
        if (main != null) {
            main.stop();
        }
    }

    private Main startMain(String... extraProperties) throws Exception {
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:camel-main-zalo.properties");
        main.addInitialProperty("stub.url", "http://127.0.0.1:" + wireMock.port());
        for (int i = 0; i < extraProperties.length; i += 2) {
            main.addOverrideProperty(extraProperties[i], extraProperties[i + 1]);
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("zalo:send");
                from("direct:image").to("zalo:sendImage");
            }
        });
        main.start();
        return main;
    }

    @Test
    void sendsThroughBothProvidersWithTheirOwnAccounts() throws Exception {
        ProducerTemplate template = startMain().getCamelContext().createProducerTemplate();

        Exchange text = template.request("direct:text", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào từ Camel Main");
        });
        Exchange image = template.request("direct:image", e -> {
            e.getMessage().setHeader(ZaloConstants.USER_ID, "8941234567136201");
            e.getMessage().setHeader(ZaloConstants.IMAGE_URL, "https://cdn.example.vn/a.png");
        });

        assertThat(text.getException()).isNull();
        assertThat(image.getException()).isNull();
        assertThat(image.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("m-main-1");
        wireMock.verify(postRequestedFor(urlEqualTo("/acme/api/v1/zalo/send-message"))
                .withHeader("Authorization", equalTo("Bearer cs-main-token-31d7"))
                .withRequestBody(equalToJson("""
                        {"zalo":{"phone_no":"0981234980","oa_id":"1600190000752846",
                                 "message":"Xin chào từ Camel Main"}}""")));
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/shop.Zalo/OASendImage"))
                .withHeader("Authorization", equalTo("Bearer et-main-key-9a02"))
                .withRequestBody(equalToJson("""
                        {"oa_id":"1600190000752846","recipient":{"user_id":"8941234567136201"},
                         "message":{"image_url":"https://cdn.example.vn/a.png"}}""")));
    }

    @Test
    void bindsTheTuningOptionsToo() throws Exception {
        ZaloComponent zalo = startMain().getCamelContext().getComponent("zalo", ZaloComponent.class);

        assertThat(zalo.getConfiguration().getConnectTimeout()).isEqualTo(2000);
        assertThat(zalo.getConfiguration().getRequestTimeout()).isEqualTo(5000);
        assertThat(zalo.getConfiguration().isRetryUnknownOutcome()).isTrue();
        assertThat(zalo.getMaxConnections()).isEqualTo(20);
        assertThat(zalo.getMaxResponseSize()).isEqualTo(65536);
        assertThat(zalo.getWorkerPoolSize()).isEqualTo(3);
    }

    @Test
    void aMisspelledPropertyStopsTheStartup() {
        // Camel Main fails fast on a key the component does not have, so a typo cannot silently drop a setting
        assertThatThrownBy(() -> startMain("camel.component.zalo.caresoft-base-uri", "http://127.0.0.1:1/acme"))
                .hasStackTraceContaining("caresoftBaseUri");
    }

    /**
     * The official API's account from properties, as Camel Main users write it; Camel Main's summary at INFO shows
     * app-secret, oa-secret-key and refresh-token as xxxxxx (the first two only because the component adds them to
     * the context's sensitive keywords).
     */
    @Test
    void configuresTheOfficialApiAndMasksItsSecretsInTheSummary() throws Exception {
        String secret = "zalo-secret-app-3a1b7c";
        String oaKey = "zalo-secret-oa-77aa01";
        String refresh = "zalo-token-refresh-2b2b2b";
        try (LogCapture log = LogCapture.open()) {
            ZaloComponent zalo = startMain("camel.component.zalo.zalo.app-id", "4318000000000000001",
                    "camel.component.zalo.zalo.app-secret", secret,
                    "camel.component.zalo.zalo.oa-secret-key", oaKey,
                    "camel.component.zalo.zalo.refresh-token", refresh,
                    "camel.component.zalo.zalo.rate-limit", "1200",
                    "camel.component.zalo.zalo.open-api-base-url", "http://127.0.0.1:" + wireMock.port() + "/openapi",
                    "camel.main.autoConfigurationLogSummary", "true")
                    .getCamelContext().getComponent("zalo", ZaloComponent.class);

            assertThat(zalo.getZalo().getAppId()).isEqualTo("4318000000000000001");
            assertThat(zalo.getZalo().getAppSecret()).isEqualTo(secret);
            assertThat(zalo.getZalo().getRateLimit()).isEqualTo(1200);
            assertThat(zalo.getZalo().getOpenApiBaseUrl()).endsWith("/openapi");
            // the summary Camel Main prints (at INFO for a properties file, at DEBUG for these overrides)
            List<String> summary = log.text().lines().filter(l -> l.contains("camel.component.zalo.zalo.")
                                                                  && l.contains(" = ")).toList();
            assertThat(summary).anyMatch(l -> l.endsWith("camel.component.zalo.zalo.appSecret = xxxxxx"))
                    .anyMatch(l -> l.endsWith("camel.component.zalo.zalo.oaSecretKey = xxxxxx"))
                    .anyMatch(l -> l.endsWith("camel.component.zalo.zalo.refreshToken = xxxxxx"))
                    .anyMatch(l -> l.endsWith("camel.component.zalo.zalo.appId = 4318000000000000001"))
                    .noneMatch(l -> l.contains(secret) || l.contains(oaKey) || l.contains(refresh));
        }
    }
}
