package io.github.camelzalo.component.zalo;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How users configure the component: once per provider on the component, overridden per endpoint. */
class ConfigurationTest extends ZaloTestSupport {

    @Test
    void oneContextUsesBothProvidersEachConfiguredOnceOnTheComponent() {
        stub(CARESOFT_SEND, caresoftOk());
        stub(ETELECOM_SEND_IMAGE, json(200, SendImageTest.CREATED));

        call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        call("zalo:sendImage", null, ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL, "https://a.vn/x.png");

        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND))
                .withHeader("Authorization", equalTo("Bearer " + CARESOFT_KEY)));
        wireMock.verify(postRequestedFor(urlEqualTo(ETELECOM_SEND_IMAGE))
                .withHeader("Authorization", equalTo("Bearer " + ETELECOM_KEY)));
    }

    @Test
    void endpointOptionsWinOverTheComponentsAccount() {
        stub("/other/api/v1/zalo/send-message", caresoftOk());

        call("zalo:send?baseUrl=" + baseUrl() + "/other&apiKey=RAW(per-endpoint-key)", "Xin chào",
                ZaloConstants.PHONE_NO, "0981234980");

        wireMock.verify(postRequestedFor(urlEqualTo("/other/api/v1/zalo/send-message"))
                .withHeader("Authorization", equalTo("Bearer per-endpoint-key")));
    }

    @Test
    void plainComponentDefaultsServeAContextThatUsesOneProvider() throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getConfiguration().setBaseUrl(baseUrl() + "/acme");
            zalo.getConfiguration().setApiKey("plain-default-key");
            zalo.getConfiguration().setOaId(OA_ID);
            ctx.addComponent("zalo", zalo);
            ctx.start();
            stub(CARESOFT_SEND, caresoftOk());

            ctx.createProducerTemplate().sendBodyAndHeader("zalo:send", "Xin chào", ZaloConstants.PHONE_NO,
                    "0981234980");

            wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND))
                    .withHeader("Authorization", equalTo("Bearer plain-default-key")));
        }
    }

    @Test
    void anOperationTheProviderLacksFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("zalo:sendImage?provider=caresoft"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessage("The operation sendImage is not offered by provider caresoft; it is"
                                        + " offered by etelecom, zalo");
        assertThatThrownBy(() -> context.getEndpoint("zalo:userStatus?provider=etelecom"))
                .rootCause().hasMessageContaining("offered by caresoft");
        // the official API has no user-status lookup: that stays CareSoft's
        assertThatThrownBy(() -> context.getEndpoint("zalo:userStatus?provider=zalo"))
                .rootCause().hasMessage("The operation userStatus is not offered by provider zalo; it is offered by"
                                        + " caresoft");
        assertThatThrownBy(() -> context.getEndpoint("zalo:sendZns?provider=caresoft"))
                .rootCause().hasMessage("The operation sendZns is not offered by provider caresoft; it is offered by"
                                        + " zalo");
    }

    @Test
    void aRouteWithAMisconfiguredEndpointFailsAtStartup() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("zalo:sendImage?provider=caresoft");
            }
        })).isInstanceOf(FailedToCreateRouteException.class);
    }

    @Test
    void careSoftHasNoDefaultBaseUrl() throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setApiKey("k");
            ctx.addComponent("zalo", zalo);
            ctx.start();

            assertThatThrownBy(() -> ctx.getEndpoint("zalo:send"))
                    .rootCause().hasMessageContaining("baseUrl is required for provider caresoft")
                    .hasMessageContaining("caresoft.baseUrl");
        }
    }

    @Test
    void eTelecomDefaultsToTheShopApi() throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getEtelecom().setApiKey("k");
            ctx.addComponent("zalo", zalo);
            ctx.start();

            ZaloEndpoint endpoint = ctx.getEndpoint("zalo:sendImage", ZaloEndpoint.class);

            assertThat(endpoint.getServiceUrl()).isEqualTo("https://api.etelecom.vn/v1/shop.Zalo/OASendImage");
        }
    }

    @Test
    void aMissingApiKeyOrABadBaseUrlOrUnknownOperationIsRefusedWithoutLeakingSecrets() {
        assertThatThrownBy(() -> context.getEndpoint("zalo:send?apiKey="))
                .rootCause().hasMessageContaining("apiKey is required for provider caresoft");
        assertThatThrownBy(() -> context.getEndpoint("zalo:send?baseUrl=api.caresoft.vn/acme"))
                .rootCause().hasMessageContaining("absolute http(s) URL").hasMessageNotContaining(CARESOFT_KEY);
        assertThatThrownBy(() -> context.getEndpoint("zalo:sendSticker"))
                .rootCause().hasMessage("Unknown zalo operation 'sendSticker'; use one of userStatus, send, sendImage,"
                                                + " sendFile, upload, userProfile, followers, sendZns, znsStatus,"
                                                + " znsQuota, znsTemplate, events");
        assertThatThrownBy(() -> context.getEndpoint("zalo:send?oaId=abc"))
                .rootCause().hasMessageContaining("must be a numeric Zalo OA id").hasMessageContaining("camel.component.zalo.oa-id");
    }

    @Test
    void theApiKeyNeverShowsInTheEndpointOrConfiguration() {
        Endpoint endpoint = context.getEndpoint("zalo:send?apiKey=RAW(uri-secret-123)&oaId=1");
        ZaloEndpoint zalo = (ZaloEndpoint) endpoint;

        assertThat(endpoint.toString()).doesNotContain("uri-secret-123");
        assertThat(zalo.getConfiguration().toString()).doesNotContain("uri-secret-123");
        assertThat(context.getComponent("zalo", ZaloComponent.class).getConfiguration().toString())
                .doesNotContain(CARESOFT_KEY);
        assertThat(context.getComponent("zalo", ZaloComponent.class).getCaresoft().toString())
                .doesNotContain(CARESOFT_KEY).contains("apiKey=******");
        assertThat(zalo.getServiceUrl()).isEqualTo(baseUrl() + "/acme/api/v1/zalo/send-message");
    }

    @Test
    void aUserSuppliedHttpClientIsStartedButNeverClosedByTheComponent() throws Exception {
        CloseableHttpAsyncClient client = io.github.camelzalo.component.zalo.transport.HttpClients.create(5, null);
        try (CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.setHttpClient(client);
            zalo.getCaresoft().setBaseUrl(baseUrl() + "/acme");
            zalo.getCaresoft().setApiKey("k");
            zalo.getConfiguration().setOaId(OA_ID);
            ctx.addComponent("zalo", zalo);
            ctx.start();
            stub(CARESOFT_SEND, caresoftOk());

            ctx.createProducerTemplate().sendBodyAndHeader("zalo:send", "Xin chào", ZaloConstants.PHONE_NO,
                    "0981234980");

            assertThat(client.getStatus()).isEqualTo(IOReactorStatus.ACTIVE);
        }
        assertThat(client.getStatus()).as("still open after the context stopped").isEqualTo(IOReactorStatus.ACTIVE);
        client.close();
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    @Test
    void theComponentsOwnClientIsClosedWhenItStopsAndRecreatedWhenItStartsAgain() {
        ZaloComponent zalo = context.getComponent("zalo", ZaloComponent.class);
        stub(CARESOFT_SEND, caresoftOk());
        call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        CloseableHttpAsyncClient first = zalo.getActiveClient();

        zalo.stop();
        assertThat(first.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
        assertThat(zalo.getTransport()).isNull();
        zalo.start();

        assertThat(call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980").getException()).isNull();
        assertThat(zalo.getActiveClient()).isNotSameAs(first);
        wireMock.verify(2, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }
}
