package io.github.camelzalo.component.zalo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import io.github.camelzalo.component.zalo.model.SendMessageResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SendMessageTest extends ZaloTestSupport {

    @Test
    void documentPayloadOneScriptWithParametersToAPhone() {
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("zalo:send", null, ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.SCRIPT_ID, 608,
                ZaloConstants.TEMPLATE_PARAMS, Map.of("username", "Anh Tan"));

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND))
                .withHeader("Authorization", equalTo("Bearer " + CARESOFT_KEY))
                .withRequestBody(equalToJson("""
                        {"zalo":{"phone_no":"0981234980","oa_id":"%s","script_id":608,
                                 "template_params":{"username":"Anh Tan"}}}""".formatted(OA_ID))));
        SendMessageResult result = out.getMessage().getBody(SendMessageResult.class);
        assertThat(result.getCode()).isEqualTo("ok");
        assertThat(result.getMessage()).isEqualTo("Tạo thành công!");
        assertThat(out.getMessage().getHeader(ZaloConstants.RESULT_CODE)).isEqualTo("ok");
    }

    @Test
    void documentPayloadTwoFreeTextFromTheBodyToAPhone() {
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("zalo:send", "CareSoft cảm ơn quý khách đã sử dụng dịch vụ",
                ZaloConstants.PHONE_NO, "+84 98 123 4980");

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"phone_no":"0981234980","oa_id":"%s",
                         "message":"CareSoft cảm ơn quý khách đã sử dụng dịch vụ"}}""".formatted(OA_ID))));
    }

    @Test
    void documentPayloadThreeFreeTextToACareSoftContactId() {
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("zalo:send", null, ZaloConstants.CONTACT_ID, 122052447L,
                ZaloConstants.MESSAGE, "CareSoft Xin chào!");

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"user_id":"122052447","oa_id":"%s","message":"CareSoft Xin chào!"}}""".formatted(OA_ID))));
    }

    /** Numbers of the JDK's other Number types go out as the numbers they hold, exactly. */
    @Test
    void templateParameterNumbersAreWrittenExactly() {
        stub(CARESOFT_SEND, caresoftOk());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("a", new java.util.concurrent.atomic.AtomicLong(9_007_199_254_740_993L));
        params.put("b", new java.util.concurrent.atomic.AtomicInteger(-7));
        java.util.concurrent.atomic.LongAdder adder = new java.util.concurrent.atomic.LongAdder();
        adder.add(42);
        params.put("c", adder);
        java.util.concurrent.atomic.DoubleAdder money = new java.util.concurrent.atomic.DoubleAdder();
        money.add(12.5);
        params.put("d", money);
        params.put("e", new java.math.BigDecimal("1234567890.123456789"));
        params.put("f", new java.math.BigInteger("123456789012345678901234567890"));
        params.put("g", (byte) 3);

        Exchange out = call("zalo:send", null, ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.SCRIPT_ID, 608,
                ZaloConstants.TEMPLATE_PARAMS, params);

        assertThat(out.getException()).isNull();
        String sent = wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(sent).contains("\"template_params\":{\"a\":9007199254740993,\"b\":-7,\"c\":42,\"d\":12.5,"
                                  + "\"e\":1234567890.123456789,\"f\":123456789012345678901234567890,\"g\":3}");
    }

    @Test
    void templateParametersAsAJsonObjectTextAndAsOneHeaderEachAddUp() {
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("zalo:send", null, ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.SCRIPT_ID, 608,
                ZaloConstants.TEMPLATE_PARAMS, "{\"username\":\"Anh Tân\",\"amount\":250000}",
                ZaloConstants.TEMPLATE_PARAM + "order_id", "DH1001", ZaloConstants.TEMPLATE_PARAM + "paid", true);

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"phone_no":"0981234980","oa_id":"%s","script_id":608,
                         "template_params":{"username":"Anh Tân","amount":250000,"order_id":"DH1001","paid":true}}}"""
                .formatted(OA_ID))));
    }

    @Test
    void aParameterGivenBothWaysIsRefusedRatherThanOneWinning() {
        Exchange out = call("zalo:send", null, ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.SCRIPT_ID, 608,
                ZaloConstants.TEMPLATE_PARAMS, Map.of("username", "Anh Tân"),
                ZaloConstants.TEMPLATE_PARAM + "username", "Chị Lan");

        assertThat(out.getException()).isInstanceOf(ZaloValidationException.class)
                .hasMessage("Invalid Zalo request: CamelZaloTemplateParam.username gives a parameter that"
                            + " CamelZaloTemplateParams gives too");
        wireMock.verify(0, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    @Test
    void aTemplateParamsTextThatIsNoJsonObjectSaysWhereNotWhat() {
        Exchange out = call("zalo:send", null, ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.SCRIPT_ID, 608,
                ZaloConstants.TEMPLATE_PARAMS, "{\"username\": Anh 0912345678}");

        assertThat(out.getException()).isInstanceOf(ZaloValidationException.class)
                .hasMessageStartingWith("Invalid Zalo request: CamelZaloTemplateParams must be a JSON object such as"
                                        + " {\"username\":\"An\"}, but the text is not valid JSON (line 1, column")
                .hasMessageNotContaining("Anh").hasMessageNotContaining("0912345678");
    }

    @Test
    void aZaloUserIdLeftOnTheExchangeBySendImageIsNeverSentToCareSoftAsAContactId() {
        stub(CARESOFT_SEND, caresoftOk());
        stub(ETELECOM_SEND_IMAGE, json(200, SendImageTest.CREATED));

        // userStatus -> sendImage (the Zalo id) -> send text by phone: the Zalo id stays on the exchange
        Exchange out = template.request("direct:imageThenText", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setHeader(ZaloConstants.USER_ID, "8941234567136201");
            e.getMessage().setHeader(ZaloConstants.IMAGE_URL, "https://cdn.example.vn/a.png");
        });

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"phone_no":"0981234980","oa_id":"%s","message":"Cảm ơn quý khách"}}""".formatted(OA_ID))));
    }

    @Override
    protected org.apache.camel.builder.RouteBuilder createRouteBuilder() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:imageThenText")
                        .to("zalo:sendImage")
                        .setBody(constant("Cảm ơn quý khách"))
                        .to("zalo:send");
            }
        };
    }

    @Test
    void unusedFieldsAreLeftOutNotSentAsNull() {
        stub(CARESOFT_SEND, caresoftOk());

        call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        String sent = wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(sent).doesNotContain("null").doesNotContain("user_id").doesNotContain("script_id")
                .doesNotContain("template_params");
    }

    @Test
    void messageHeaderWinsOverTheBodyAndScriptIdAsTextIsAccepted() {
        stub(CARESOFT_SEND, caresoftOk());

        call("zalo:send", "not this", ZaloConstants.PHONE_NO, "0981234980", ZaloConstants.MESSAGE, "this one");
        call("zalo:send", "ignored: a script is sent", ZaloConstants.PHONE_NO, "0981234980",
                ZaloConstants.SCRIPT_ID, "608");

        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson(
                "{\"zalo\":{\"phone_no\":\"0981234980\",\"oa_id\":\"" + OA_ID + "\",\"message\":\"this one\"}}")));
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson(
                "{\"zalo\":{\"phone_no\":\"0981234980\",\"oa_id\":\"" + OA_ID + "\",\"script_id\":608}}")));
    }

    @Test
    void aTypedRequestBodyIsSentAsItIsWithTheEndpointsOaId() {
        stub(CARESOFT_SEND, caresoftOk());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("username", "Chị Lan");
        params.put("amount", 250000);
        params.put("paid", true);

        Exchange out = call("zalo:send?oaId=4321", SendMessageRequest.script("84912345678", 77, params));

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_SEND)).withRequestBody(equalToJson("""
                {"zalo":{"phone_no":"0912345678","oa_id":"4321","script_id":77,
                         "template_params":{"username":"Chị Lan","amount":250000,"paid":true}}}""")));
    }

    @Test
    void aThousandVietnameseCharactersAreAllowed() {
        stub(CARESOFT_SEND, caresoftOk());
        String text = "ệ".repeat(999) + "😀"; // 1000 code points, 1001 UTF-16 chars

        Exchange out = call("zalo:send", text, ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }
}
