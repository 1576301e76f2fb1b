package io.github.camelzalo.component.zalo;

import java.util.List;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code toD} with the options that have a header of their own: one endpoint and one producer serve every value,
 * each call carries its own, and the route after the step sees no header it did not set.
 */
class SendDynamicTest extends ZaloTestSupport {

    private static final List<String> OAS = List.of("1600190000000001", "1600190000000002", "1600190000000003");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the exchange carries its failure back to the test, without the error handler's report
                errorHandler(noErrorHandler());
                from("direct:dynamic").toD("zalo:send?oaId=${header.oa}");
                from("direct:dynamicWithTimeout").toD("zalo:send?oaId=${header.oa}&requestTimeout=4000");
                from("direct:notOptimised").toD().uri("zalo:send?oaId=${header.oa}").allowOptimisedComponents(false);
            }
        };
    }

    private Exchange send(String route, String oa, Object... headers) {
        return template.request(route, e -> {
            e.getMessage().setHeader("oa", oa);
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
            e.getMessage().setBody("Xin chào");
        });
    }

    private List<String> zaloEndpoints() {
        return context.getEndpoints().stream().map(Endpoint::getEndpointUri).filter(u -> u.startsWith("zalo:"))
                .sorted().toList();
    }

    private static void verifySentFor(String oaId) {
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson(
                "{\"zalo\":{\"oa_id\":\"" + oaId + "\"}}", true, true)));
    }

    @Test
    void oneEndpointServesEveryOaAndEachCallCarriesItsOwn() {
        stub(CARESOFT_SEND, caresoftOk());

        for (String oa : OAS) {
            Exchange out = send("direct:dynamic", oa);
            assertThat(out.getException()).isNull();
            // the header stood for the option during the call only
            assertThat(out.getMessage().getHeader(ZaloConstants.OA_ID)).isNull();
        }

        OAS.forEach(SendDynamicTest::verifySentFor);
        assertThat(zaloEndpoints()).containsExactly("zalo://send");
    }

    @Test
    void anOaIdHeaderTheExchangeCarriesWinsAsItWinsOverAnEndpointsOption() {
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = send("direct:dynamic", OAS.get(0), ZaloConstants.OA_ID, OAS.get(2));

        assertThat(out.getException()).isNull();
        verifySentFor(OAS.get(2));
        // the route's own header stays
        assertThat(out.getMessage().getHeader(ZaloConstants.OA_ID)).isEqualTo(OAS.get(2));
    }

    @Test
    void optionsWithoutAHeaderStayInTheUri() {
        stub(CARESOFT_SEND, caresoftOk());

        for (String oa : OAS) {
            assertThat(send("direct:dynamicWithTimeout", oa).getException()).isNull();
        }

        OAS.forEach(SendDynamicTest::verifySentFor);
        assertThat(zaloEndpoints()).containsExactly("zalo://send?requestTimeout=4000");
    }

    @Test
    void aBadOaIdFailsTheExchangeBeforeAnythingIsSentNamingTheHeader() {
        Exchange out = send("direct:dynamic", "not-a-number");

        ZaloValidationException e = out.getException(ZaloValidationException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(ZaloConstants.OA_ID);
        wireMock.verify(0, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    /** What the above saves: without the optimisation, toD creates and keeps an endpoint per OA. */
    @Test
    void withoutItEveryValueIsAnEndpointOfItsOwn() {
        stub(CARESOFT_SEND, caresoftOk());

        for (String oa : OAS) {
            assertThat(send("direct:notOptimised", oa).getException()).isNull();
        }

        assertThat(zaloEndpoints()).hasSize(3);
    }
}
