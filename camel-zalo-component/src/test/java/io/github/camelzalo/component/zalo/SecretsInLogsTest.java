package io.github.camelzalo.component.zalo;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** At DEBUG the component says what it does, with phone numbers masked and without any API key. */
class SecretsInLogsTest extends ZaloTestSupport {

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.getConfiguration().setRequestTimeout(500);
    }

    @Test
    void debugLogsOfSuccessesAndFailuresHoldNoKeyAndOnlyMaskedPhones() throws Exception {
        String log;
        try (LogCapture capture = LogCapture.open()) {
            stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER));
            call("zalo:userStatus", "+84 98 123 4980");
            stub(CARESOFT_SEND, json(401, "{\"code\":\"errors\",\"message\":\"bad token " + CARESOFT_KEY + "\"}"));
            call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
            stub(CARESOFT_SEND, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
            stub(ETELECOM_SEND_IMAGE, json(200, SendImageTest.CREATED).withFixedDelay(2_000));
            call("zalo:sendImage", null, ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL, "https://a.vn/x.png");
            call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234"); // invalid: refused
            context.getEndpoint("zalo:send?apiKey=RAW(" + CARESOFT_KEY + "x)&oaId=1");
            log = capture.text();
        }

        // HttpClient logged its headers at DEBUG, so the capture saw them: masked
        assertThat(log).contains("Authorization: ******");
        assertThat(log).contains("098****980").contains("zalo:userStatus via caresoft");
        assertThat(log).doesNotContain(CARESOFT_KEY).doesNotContain(ETELECOM_KEY).doesNotContain("Bearer ");
        assertThat(log).doesNotContain("0981234980").doesNotContain("84981234980").doesNotContain("0981234");
    }
}
