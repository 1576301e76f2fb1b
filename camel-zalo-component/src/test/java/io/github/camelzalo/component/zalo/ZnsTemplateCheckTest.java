package io.github.camelzalo.component.zalo;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code validateTemplateData}: the data is checked against the template's parameters, read once, before sending. */
class ZnsTemplateCheckTest extends OfficialApiTestSupport {

    private static final String URI = "zalo:sendZns?validateTemplateData=true";

    @BeforeEach
    void stubs() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        stub(get(urlEqualTo("/business/template/info?template_id=2001")).willReturn(json(200,
                "{\"error\":0,\"data\":{\"templateId\":2001,\"status\":\"ENABLE\",\"listParams\":["
                + "{\"name\":\"customer\",\"require\":true,\"type\":\"STRING\",\"maxLength\":10,\"minLength\":1,"
                + "\"acceptNull\":false},"
                + "{\"name\":\"note\",\"require\":false,\"type\":\"STRING\",\"maxLength\":50}]}}")));
        stub(post(urlEqualTo("/business/message/template"))
                .willReturn(json(200, "{\"error\":0,\"data\":{\"msg_id\":\"z\"}}")));
    }

    private Exchange send(Map<String, Object> data) {
        return call(URI, null, ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.TEMPLATE_ID, "2001",
                ZaloConstants.TEMPLATE_DATA, data);
    }

    @Test
    void dataThatFitsIsSentAndTheTemplateIsReadOnce() {
        assertThat(send(Map.of("customer", "Nghĩa")).getException()).isNull();
        assertThat(send(Map.of("customer", "An", "note", "giao trước 5h")).getException()).isNull();

        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/business/template/info")))).hasSize(1);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/business/message/template")))).hasSize(2);
    }

    @Test
    void dataThatDoesNotFitIsRefusedNamingTheParameterAndNothingIsSent() {
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("note", "x"), "CamelZaloTemplateData.customer",
                Map.of("customer", "Nguyễn Trọng Nghĩa"), "CamelZaloTemplateData.customer",
                Map.of("customer", "An", "coupon", "X1"), "CamelZaloTemplateData.coupon");
        refused.forEach((data, field) -> assertThat(send(data).getException())
                .isInstanceOfSatisfying(ZaloValidationException.class, e -> assertThat(e.getField()).isEqualTo(field)));

        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/business/message/template")))).isEmpty();
    }
}
