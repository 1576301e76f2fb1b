package io.github.camelzalo.component.zalo;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** What a route sees when the provider says no: a {@link ZaloApiException} with every detail the provider gave. */
class ProviderErrorTest extends ZaloTestSupport {

    private ZaloApiException failSend(String path, Object... extraHeaders) {
        Exchange out = path.equals(ETELECOM_SEND_IMAGE)
                ? call("zalo:sendImage", null, ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL,
                        "https://img.example.vn/a.png")
                : call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        assertThat(out.getException()).isInstanceOf(ZaloApiException.class);
        return (ZaloApiException) out.getException();
    }

    @Test
    void careSoftErrorsWithHttp200IsAFailure() {
        stub(CARESOFT_SEND, json(200, "{\"code\":\"errors\",\"message\":\"Khách hàng chưa quan tâm OA\"}"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.getErrorCode()).isEqualTo("errors");
        assertThat(e.getErrorMessage()).isEqualTo("Khách hàng chưa quan tâm OA");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getProvider()).isEqualTo("caresoft");
        assertThat(e.getOperation()).isEqualTo("send");
        assertThat(e.getMessage()).contains("HTTP 200", "errors", "Khách hàng chưa quan tâm OA");
    }

    @Test
    void aFailedCallStillTellsWhichProviderHandledIt() {
        // a dead-letter route reads it to tell a CareSoft failure from an eTelecom one
        stub(CARESOFT_SEND, json(500, "{\"code\":\"errors\",\"message\":\"Lỗi hệ thống\"}"));
        stub(ETELECOM_SEND_IMAGE, json(400, "{\"code\":\"invalid_argument\",\"msg\":\"bad\"}"));

        Exchange text = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        Exchange image = call("zalo:sendImage", null, ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL,
                "https://img.example.vn/a.png");
        Exchange refused = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0681234980");

        assertThat(text.getException()).isInstanceOf(ZaloApiException.class);
        assertThat(text.getMessage().getHeader(ZaloConstants.PROVIDER)).isEqualTo("caresoft");
        assertThat(image.getException()).isInstanceOf(ZaloApiException.class);
        assertThat(image.getMessage().getHeader(ZaloConstants.PROVIDER)).isEqualTo("etelecom");
        assertThat(refused.getException()).isInstanceOf(ZaloValidationException.class);
        assertThat(refused.getMessage().getHeader(ZaloConstants.PROVIDER)).as("nothing was sent").isNull();
    }

    @Test
    void careSoft429IsRetryableAndHonoursRetryAfter() {
        stub(CARESOFT_SEND, json(429, "{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}")
                .withHeader("Retry-After", "3"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED);
        assertThat(e.getHttpStatus()).isEqualTo(429);
        assertThat(e.getErrorMessage()).isEqualTo("Too Many Attempts.");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void careSoftLockOutIsA15MinuteWaitNotAWrongUrl() {
        stub(CARESOFT_SEND, json(404,
                "{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry after 15 minutes \"}"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.LOCKED_OUT);
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(e.getErrorMessage()).isEqualTo("Domain incorrect too many times , retry after 15 minutes");
    }

    @Test
    void careSoftUnauthorizedIsNotRetryable() {
        stub(CARESOFT_SEND, json(401, "{\"code\":\"errors\",\"message\":\"Unauthenticated.\"}"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.UNAUTHORIZED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getErrorMessage()).isEqualTo("Unauthenticated.");
    }

    @Test
    void eTelecomTwirpErrorsCarryCodeAndMsg() {
        stub(ETELECOM_SEND_IMAGE, json(400, "{\"code\":\"invalid_argument\",\"msg\":\"oa_id không hợp lệ\","
                                            + "\"meta\":{\"field\":\"oa_id\"}}"));

        ZaloApiException e = failSend(ETELECOM_SEND_IMAGE);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getErrorCode()).isEqualTo("invalid_argument");
        assertThat(e.getErrorMessage()).isEqualTo("oa_id không hợp lệ");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getProvider()).isEqualTo("etelecom");
    }

    @Test
    void eTelecomUnauthenticatedIsNotRetryable() {
        stub(ETELECOM_SEND_IMAGE, json(401, "{\"code\":\"unauthenticated\",\"msg\":\"invalid api key\"}"));

        ZaloApiException e = failSend(ETELECOM_SEND_IMAGE);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.UNAUTHORIZED);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void eTelecomUnavailableAndResourceExhaustedAreRetryable() {
        stub(ETELECOM_SEND_IMAGE, json(503, "{\"code\":\"unavailable\",\"msg\":\"try later\"}"));
        ZaloApiException unavailable = failSend(ETELECOM_SEND_IMAGE);
        stub(ETELECOM_SEND_IMAGE, json(429, "{\"code\":\"resource_exhausted\",\"msg\":\"quota\"}")
                .withHeader("Retry-After", "2"));
        ZaloApiException exhausted = failSend(ETELECOM_SEND_IMAGE);

        assertThat(unavailable.getKind()).isEqualTo(ZaloErrorKind.UNAVAILABLE);
        assertThat(unavailable.isRetryable()).isTrue();
        assertThat(exhausted.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED);
        assertThat(exhausted.isRetryable()).isTrue();
        assertThat(exhausted.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void eTelecomInternalErrorOnASendHasAnUnknownOutcomeSoIsNotRetryable() {
        stub(ETELECOM_SEND_IMAGE, json(500, "{\"code\":\"internal\",\"msg\":\"boom\"}"));

        ZaloApiException e = failSend(ETELECOM_SEND_IMAGE);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.SERVER_ERROR);
        assertThat(e.getErrorCode()).isEqualTo("internal");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void aServerErrorOnUserStatusIsRetryableBecauseItOnlyReads() {
        stub(CARESOFT_USER_STATUS, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

        Exchange out = call("zalo:userStatus", "0981234980");

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.SERVER_ERROR);
        assertThat(e.getHttpStatus()).isEqualTo(502);
        assertThat(e.getErrorCode()).isNull();
        assertThat(e.getErrorMessage()).contains("text/html", "502 Bad Gateway");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void anHtmlErrorPageOnASendGivesTheStatusAndAnExcerpt() {
        stub(CARESOFT_SEND, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.SERVER_ERROR);
        assertThat(e.getHttpStatus()).isEqualTo(502);
        assertThat(e.getErrorMessage()).contains("502 Bad Gateway");
        assertThat(e.isRetryable()).as("a send whose outcome is unknown").isFalse();
    }

    @Test
    void retryUnknownOutcomeMakesServerErrorsRetryableForSends() {
        stub(CARESOFT_SEND, aResponse().withStatus(504));

        Exchange out = call("zalo:send?retryUnknownOutcome=true", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.SERVER_ERROR);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void anEmptyBodyGivesTheStatus() {
        stub(CARESOFT_SEND, aResponse().withStatus(503));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.UNAVAILABLE);
        assertThat(e.getHttpStatus()).isEqualTo(503);
        assertThat(e.getErrorMessage()).isEqualTo("(empty body)");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void invalidJsonOnSuccessIsABadResponse() {
        stub(CARESOFT_SEND, json(200, "{\"code\":\"ok\",\"message\":"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.BAD_RESPONSE);
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).as("the message was probably sent").isFalse();
    }

    @Test
    void userStatusWithoutDataIsABadResponse() {
        stub(CARESOFT_USER_STATUS, json(200, "{\"code\":\"ok\"}"));

        ZaloApiException e = (ZaloApiException) call("zalo:userStatus", "0981234980").getException();

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.BAD_RESPONSE);
        assertThat(e.getErrorMessage()).contains("data");
    }

    @Test
    void theApiKeyIsRedactedWhenTheProviderEchoesIt() {
        stub(CARESOFT_SEND, json(401, "{\"code\":\"errors\",\"message\":\"token Bearer " + CARESOFT_KEY
                                      + " is not valid\"}"));

        ZaloApiException e = failSend(CARESOFT_SEND);

        assertThat(e.getErrorMessage()).doesNotContain(CARESOFT_KEY).contains("******");
        assertThat(e.getMessage()).doesNotContain(CARESOFT_KEY);
        assertThat(e.toString()).doesNotContain(CARESOFT_KEY);
    }

    @Test
    void theNextMessageAfterAFailureSucceeds() {
        stub(CARESOFT_SEND, aResponse().withStatus(500));
        assertThat(failSend(CARESOFT_SEND).getKind()).isEqualTo(ZaloErrorKind.SERVER_ERROR);
        wireMock.resetAll();
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
    }
}
