package io.github.camelzalo.component.zalo;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component configured from Java with property placeholders, as docs/pacing.md shows: Camel resolves
 * placeholders only in what it parses itself (URIs, properties files), so the component resolves the values set
 * on it from Java, or it would send {@code Authorization: Bearer {{caresoft.token}}}.
 */
class JavaPlaceholdersTest extends ZaloTestSupport {

    @Test
    void theAccountsAndDefaultsSetFromJavaResolveTheirPlaceholders() throws Exception {
        stub(CARESOFT_SEND, caresoftOk());
        stub(ETELECOM_SEND_IMAGE, json(200, SendImageTest.CREATED));
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.getPropertiesComponent().addInitialProperty("caresoft.url", baseUrl() + "/acme");
            ctx.getPropertiesComponent().addInitialProperty("caresoft.token", CARESOFT_KEY);
            ctx.getPropertiesComponent().addInitialProperty("etelecom.url", baseUrl() + "/v1/shop");
            ctx.getPropertiesComponent().addInitialProperty("etelecom.api-key", ETELECOM_KEY);
            ctx.getPropertiesComponent().addInitialProperty("zalo.oa-id", OA_ID);
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl("{{caresoft.url}}");
            zalo.getCaresoft().setApiKey("{{caresoft.token}}");
            zalo.getCaresoft().setRateLimit(0);
            zalo.getEtelecom().setBaseUrl("{{etelecom.url}}");
            zalo.getEtelecom().setApiKey("{{etelecom.api-key}}");
            zalo.getConfiguration().setOaId("{{zalo.oa-id}}");
            ctx.addComponent("zalo", zalo);
            ctx.start();

            ctx.createProducerTemplate().sendBodyAndHeader("zalo:send", "Xin chào", ZaloConstants.PHONE_NO,
                    "0981234980");
            ctx.createProducerTemplate().sendBodyAndHeaders("zalo:sendImage", null, java.util.Map.of(
                    ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL, "https://a.vn/x.png"));

            // the component's own objects keep the placeholders: the resolved key lives only in the endpoint
            assertThat(zalo.getCaresoft().getApiKey()).isEqualTo("{{caresoft.token}}");
        }
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND))
                .withHeader("Authorization", equalTo("Bearer " + CARESOFT_KEY))
                .withRequestBody(equalToJson("{\"zalo\":{\"phone_no\":\"0981234980\",\"oa_id\":\"" + OA_ID
                                             + "\",\"message\":\"Xin chào\"}}")));
        wireMock.verify(postRequestedFor(urlEqualTo(ETELECOM_SEND_IMAGE))
                .withHeader("Authorization", equalTo("Bearer " + ETELECOM_KEY)));
    }

    @Test
    void thePlainDefaultsResolveTheirPlaceholdersToo() throws Exception {
        stub(CARESOFT_SEND, caresoftOk());
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.getPropertiesComponent().addInitialProperty("zalo.url", baseUrl() + "/acme");
            ctx.getPropertiesComponent().addInitialProperty("zalo.token", CARESOFT_KEY);
            ZaloComponent zalo = new ZaloComponent();
            zalo.getConfiguration().setBaseUrl("{{zalo.url}}");
            zalo.getConfiguration().setApiKey("{{zalo.token}}");
            zalo.getConfiguration().setOaId(OA_ID);
            zalo.getCaresoft().setRateLimit(0);
            ctx.addComponent("zalo", zalo);
            ctx.start();

            ctx.createProducerTemplate().sendBodyAndHeader("zalo:send", "Xin chào", ZaloConstants.PHONE_NO,
                    "0981234980");
        }
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND))
                .withHeader("Authorization", equalTo("Bearer " + CARESOFT_KEY)));
    }

    @Test
    void aPlaceholderWithoutAPropertyFailsTheEndpointNamingTheProperty() throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(baseUrl() + "/acme");
            zalo.getCaresoft().setApiKey("{{caresoft.missing-token}}");
            ctx.addComponent("zalo", zalo);
            ctx.start();

            assertThatThrownBy(() -> ctx.getEndpoint("zalo:send")).hasStackTraceContaining("caresoft.missing-token");
        }
    }
}
