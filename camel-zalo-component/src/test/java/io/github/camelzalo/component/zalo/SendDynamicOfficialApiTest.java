package io.github.camelzalo.component.zalo;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code toD} with provider zalo's {@code messageType}: one endpoint, each call sent as its own type. */
class SendDynamicOfficialApiTest extends OfficialApiTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:typed").toD("zalo:send?provider=zalo&messageType=${header.type}");
            }
        };
    }

    @Test
    void eachCallGoesAsTheTypeItsUriNamesThroughOneEndpoint() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        csAnswer(ACCESS_1, "m-cs");
        stub(post(urlEqualTo("/openapi/v3.0/oa/message/promotion"))
                .willReturn(json(200, "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m-p\"}}")));

        for (String type : new String[] { "consultation", "promotion" }) {
            Exchange out = template.request("direct:typed", e -> {
                e.getMessage().setHeader("type", type);
                e.getMessage().setHeader(ZaloConstants.USER_ID, USER);
                e.getMessage().setBody("Giảm 20% hôm nay");
            });
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_TYPE)).isNull();
        }

        wireMock.verify(1, postRequestedFor(urlEqualTo(CS)));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/openapi/v3.0/oa/message/promotion")));
        assertThat(context.getEndpoints().stream().filter(e -> e.getEndpointUri().startsWith("zalo:")))
                .hasSize(1);
    }
}
