package io.github.camelzalo.component.zalo;

import java.time.LocalDateTime;

import io.github.camelzalo.component.zalo.model.UserStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class UserStatusTest extends ZaloTestSupport {

    /** The success answer of CareSoft's document, unmasked. */
    static final String DOCUMENT_ANSWER = """
            {
              "code": "ok",
              "data": {
                "user_id": "631292",
                "username": "Nguyễn Trọng Nghĩa",
                "zalo_psid": "8941234567136201",
                "following_status": true,
                "last_user_activity_time": "2023-08-03 16:32:40",
                "can_send_consultation_message": true,
                "consultation_message_expired_time": "2023-08-10 16:32:40",
                "consultation_message_free_remain": 10,
                "can_send_transaction_message": true,
                "can_send_promotion_message": true,
                "can_call_zcc_by_phone": false,
                "can_call_zcc_by_zalo_id": true,
                "can_send_zns": true
              }
            }""";

    @Test
    void sendsTheDocumentedRequestAndReadsEveryField() {
        stub(CARESOFT_USER_STATUS, json(200, DOCUMENT_ANSWER));

        Exchange out = call("zalo:userStatus", null, ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS))
                .withHeader("Authorization", equalTo("Bearer " + CARESOFT_KEY))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"phone_no\":\"0981234980\",\"oa_id\":\"" + OA_ID + "\"}")));
        UserStatus s = out.getMessage().getBody(UserStatus.class);
        assertThat(s.getUserId()).isEqualTo("631292");
        assertThat(s.getUsername()).isEqualTo("Nguyễn Trọng Nghĩa");
        assertThat(s.getZaloPsid()).isEqualTo("8941234567136201");
        assertThat(s.isFollowing()).isTrue();
        assertThat(s.getLastUserActivityTime()).isEqualTo(LocalDateTime.of(2023, 8, 3, 16, 32, 40));
        assertThat(s.isCanSendConsultationMessage()).isTrue();
        assertThat(s.getConsultationMessageExpiredTime()).isEqualTo(LocalDateTime.of(2023, 8, 10, 16, 32, 40));
        assertThat(s.getConsultationMessageFreeRemain()).isEqualTo(10);
        assertThat(s.isCanSendTransactionMessage()).isTrue();
        assertThat(s.isCanSendPromotionMessage()).isTrue();
        assertThat(s.isCanCallZccByPhone()).isFalse();
        assertThat(s.isCanCallZccByZaloId()).isTrue();
        assertThat(s.isCanSendZns()).isTrue();
        assertThat(out.getMessage().getHeader(ZaloConstants.PROVIDER)).isEqualTo("caresoft");
    }

    @Test
    void flagsAcceptOneZeroStringsAndNullAndIdsStayStrings() {
        stub(CARESOFT_USER_STATUS, json(200, """
                {"code":"ok","data":{"user_id":631292,"username":null,"zalo_psid":8941234567136201,
                 "following_status":1,"last_user_activity_time":null,"can_send_consultation_message":"0",
                 "consultation_message_expired_time":null,"can_send_transaction_message":"1",
                 "can_send_promotion_message":0,"can_call_zcc_by_phone":null,"can_call_zcc_by_zalo_id":"true",
                 "some_new_field":{"nested":[1,2]}}}"""));

        UserStatus s = call("zalo:userStatus", "0981234980").getMessage().getBody(UserStatus.class);

        assertThat(s.getUserId()).isEqualTo("631292");
        assertThat(s.getZaloPsid()).isEqualTo("8941234567136201");
        assertThat(s.isFollowing()).isTrue();
        assertThat(s.getLastUserActivityTime()).isNull();
        assertThat(s.isCanSendConsultationMessage()).isFalse();
        assertThat(s.getConsultationMessageExpiredTime()).isNull();
        assertThat(s.getConsultationMessageFreeRemain()).isNull();
        assertThat(s.isCanSendTransactionMessage()).isTrue();
        assertThat(s.isCanSendPromotionMessage()).isFalse();
        assertThat(s.isCanCallZccByPhone()).isFalse();
        assertThat(s.isCanCallZccByZaloId()).isTrue();
        assertThat(s.isCanSendZns()).as("absent flag").isFalse();
    }

    // not the number in the display name: test names are logged, and a full phone number in a log fails the build
    // (SecretsNeverLoggedTest)
    @ParameterizedTest(name = "written form {index}")
    @ValueSource(strings = { "0981234980", "84981234980", "+84 98 123 4980", "098.123.4980", "098-123-4980",
            " +84981234980 " })
    void everyWrittenFormOfANumberIsSentInCareSoftsNationalForm(String written) {
        stub(CARESOFT_USER_STATUS, json(200, DOCUMENT_ANSWER));

        Exchange out = call("zalo:userStatus", written);

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS))
                .withRequestBody(equalToJson("{\"phone_no\":\"0981234980\",\"oa_id\":\"" + OA_ID + "\"}")));
    }

    @Test
    void headerWinsOverBodyAndOaHeaderWinsOverEndpointOption() {
        stub(CARESOFT_USER_STATUS, json(200, DOCUMENT_ANSWER));

        call("zalo:userStatus?oaId=111", "0900000000", ZaloConstants.PHONE_NO, "0981234980",
                ZaloConstants.OA_ID, "222");

        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS))
                .withRequestBody(equalToJson("{\"phone_no\":\"0981234980\",\"oa_id\":\"222\"}")));
    }

    @Test
    void oaIdIsLeftOutWhenNoneIsConfigured() {
        context.getComponent("zalo", ZaloComponent.class).getConfiguration().setOaId(null);
        stub(CARESOFT_USER_STATUS, json(200, DOCUMENT_ANSWER));

        call("zalo:userStatus", "0981234980");

        wireMock.verify(postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS))
                .withRequestBody(equalToJson("{\"phone_no\":\"0981234980\"}")));
    }

    @Test
    void aRouteCanBranchOnTheResultInTheSimpleLanguage() throws Exception {
        stub(CARESOFT_USER_STATUS, json(200, DOCUMENT_ANSWER));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:check").to("zalo:userStatus")
                        .choice()
                        .when(simple("${body.canSendZns} == true && ${body.following} == true")).setBody(simple("zns:${body.zaloPsid}"))
                        .otherwise().setBody(constant("no"));
            }
        });

        assertThat(template.requestBody("direct:check", "0981234980", String.class))
                .isEqualTo("zns:8941234567136201");
    }

    /** A plain success is read in one pass; everything else must still end as the precise failure. */
    @ParameterizedTest
    @ValueSource(strings = { "200|{\"code\":\"ok\"}|BAD_RESPONSE",
            "200|{\"code\":\"ok\",\"data\":[1]}|BAD_RESPONSE",
            "200|{\"code\":\"ok\",\"data\":{\"user_id\":{\"a\":1}}}|BAD_RESPONSE",
            "200|{\"code\":\"errors\",\"message\":\"Số điện thoại không hợp lệ\"}|REJECTED",
            "200|{\"code\":[],\"data\":{}}|BAD_RESPONSE",
            "200|not json|BAD_RESPONSE",
            "429|{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}|RATE_LIMITED" })
    void answersOtherThanAPlainSuccessFailPrecisely(String row) {
        String[] parts = row.split("\\|");
        stub(CARESOFT_USER_STATUS, json(Integer.parseInt(parts[0]), parts[1]));

        Exchange out = call("zalo:userStatus", "0981234980");

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(ZaloErrorKind.valueOf(parts[2])));
    }
}
