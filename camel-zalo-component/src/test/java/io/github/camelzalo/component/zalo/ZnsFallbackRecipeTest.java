package io.github.camelzalo.component.zalo;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe of the component page, "A consultation that Zalo no longer allows falls back to ZNS": a consultation
 * refused because the user's window closed (-230, -232) or the user does not follow (-213) goes out as a ZNS
 * template to the customer's phone instead.
 */
class ZnsFallbackRecipeTest extends OfficialApiTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the recipe, as the component page shows it
                from("direct:notify")
                        .doTry()
                            .to("zalo:send?provider=zalo")
                        .doCatch(ZaloApiException.class)
                            .onWhen(simple("${exception.kind} in 'OUTSIDE_WINDOW,NOT_FOLLOWER'"))
                            .setHeader("CamelZaloTemplateId", constant("2001"))
                            .setHeader("CamelZaloTemplateData.order", header("orderId"))
                            .to("zalo:sendZns")
                        .end();
            }
        };
    }

    private Exchange notify(String phone) {
        return template.request("direct:notify", e -> {
            e.getMessage().setBody("Đơn hàng 1001 đã được giao");
            e.getMessage().setHeader(ZaloConstants.USER_ID, USER);
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, phone);
            e.getMessage().setHeader("orderId", "1001");
        });
    }

    @Test
    void aClosedWindowFallsBackToZnsByPhone() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        stub(post(urlEqualTo(CS)).willReturn(json(200, "{\"error\":-230,\"message\":\"no interaction in 7 days\"}")));
        stub(post(urlEqualTo("/business/message/template")).willReturn(json(200,
                "{\"error\":0,\"data\":{\"msg_id\":\"z-9\",\"quota\":{\"dailyQuota\":\"500\",\"remainingQuota\":\"1\"}}}")));

        Exchange out = notify("0981234980");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("z-9");
        wireMock.verify(postRequestedFor(urlEqualTo("/business/message/template"))
                .withHeader("access_token", equalTo(ACCESS_1))
                .withRequestBody(equalToJson("{\"phone\":\"84981234980\",\"template_id\":\"2001\","
                                             + "\"template_data\":{\"order\":\"1001\"},\"tracking_id\":\""
                                             + out.getExchangeId() + "\"}")));
    }

    @Test
    void aDeliveredConsultationNeedsNoZns() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        csAnswer(ACCESS_1, "m-1");

        Exchange out = notify("0981234980");

        assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("m-1");
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/business/message/template")))).isEmpty();
    }

    @Test
    void anotherRefusalIsNotCoveredByTheFallback() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        stub(post(urlEqualTo(CS)).willReturn(json(200, "{\"error\":-227,\"message\":\"user inactive\"}")));

        Exchange out = notify("0981234980");

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(ZaloErrorKind.USER_UNREACHABLE));
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/business/message/template")))).isEmpty();
    }
}
