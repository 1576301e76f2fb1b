package io.github.camelzalo.component.zalo;

import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML route (what Camel JBang runs) gives a script's parameters both ways it can: as a JSON object in
 * {@code CamelZaloTemplateParams}, and one {@code CamelZaloTemplateParam.<name>} header each.
 */
class TemplateParamsYamlTest extends ZaloTestSupport {

    private static final String ROUTES = """
            - route:
                from:
                  uri: direct:asJsonText
                  steps:
                    - setHeader:
                        name: CamelZaloScriptId
                        constant: "608"
                    - setHeader:
                        name: CamelZaloTemplateParams
                        constant: '{"username": "Anh Tân", "order_id": "DH1001", "amount": 250000, "paid": true}'
                    - to: zalo:send
            - route:
                from:
                  uri: direct:oneHeaderEach
                  steps:
                    - setHeader:
                        name: CamelZaloScriptId
                        constant: "608"
                    - setHeader:
                        name: CamelZaloTemplateParam.username
                        simple: "${body[name]}"
                    - setHeader:
                        name: CamelZaloTemplateParam.order_id
                        simple: "${body[order]}"
                    - to: zalo:send
            """;

    @Override
    protected void doPostSetup() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("params.camel.yaml", ROUTES));
    }

    @Test
    void aJsonObjectAsTextGivesTheParameters() {
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("direct:asJsonText", null, ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"phone_no":"0981234980","oa_id":"%s","script_id":608,
                         "template_params":{"username":"Anh Tân","order_id":"DH1001","amount":250000,"paid":true}}}"""
                .formatted(OA_ID))));
    }

    @Test
    void oneHeaderPerParameterGivesThemFromTheExchange() {
        stub(CARESOFT_SEND, caresoftOk());

        // a value with quotes is safe this way: each header is one value, never parsed
        Exchange out = call("direct:oneHeaderEach", java.util.Map.of("name", "Chị \"Lan\"", "order", "DH1002"),
                ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"phone_no":"0981234980","oa_id":"%s","script_id":608,
                         "template_params":{"username":"Chị \\"Lan\\"","order_id":"DH1002"}}}""".formatted(OA_ID))));
    }
}
