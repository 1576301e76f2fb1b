package io.github.camelzalo.component.zalo;

import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** When the network fails, the exchange completes with an exception within the timeout: nothing hangs. */
class TransportFailureTest extends ZaloTestSupport {

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.getConfiguration().setRequestTimeout(1_000);
        zalo.setMaxResponseSize(64 * 1024);
    }

    private ZaloApiException fail(String uri, Object body, Object... headers) {
        long start = System.nanoTime();
        Exchange out = call(uri, body, headers);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("completes within the request timeout plus slack").isLessThan(4_000);
        assertThat(out.getException()).isInstanceOf(ZaloApiException.class);
        return (ZaloApiException) out.getException();
    }

    @Test
    void connectionRefusedIsRetryableEvenForASend() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        ZaloApiException e = fail("zalo:send?baseUrl=http://127.0.0.1:" + closedPort + "/acme", "Xin chào",
                ZaloConstants.PHONE_NO, "0981234980");

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.CONNECT_FAILED);
        assertThat(e.getHttpStatus()).isZero();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void aResponseThatNeverComesTimesOutAndIsNotRetryableForASend() {
        stub(CARESOFT_SEND, caresoftOk().withFixedDelay(3_000));

        ZaloApiException e = fail("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TIMEOUT);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getErrorMessage()).contains("1000 ms");
    }

    @Test
    void aTimeoutOnUserStatusIsRetryable() {
        stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER).withFixedDelay(3_000));

        ZaloApiException e = fail("zalo:userStatus", "0981234980");

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TIMEOUT);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void aConnectionResetAfterTheRequestWasSentHasAnUnknownOutcome() {
        stub(CARESOFT_SEND, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        ZaloApiException e = fail("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.IO_ERROR);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void anOversizedAnswerIsRefusedWithoutReadingIt() {
        stub(CARESOFT_USER_STATUS, json(200, "{\"code\":\"ok\",\"pad\":\"" + "x".repeat(200_000) + "\"}"));

        ZaloApiException e = fail("zalo:userStatus", "0981234980");

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RESPONSE_TOO_LARGE);
        assertThat(e.getErrorMessage()).contains("65536");
    }

    @Test
    void theEndpointWorksAgainAfterEachFailure() {
        stub(CARESOFT_SEND, aResponse().withFault(Fault.EMPTY_RESPONSE));
        fail("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        stub(CARESOFT_SEND, caresoftOk().withFixedDelay(3_000));
        fail("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        wireMock.resetAll();
        stub(CARESOFT_SEND, caresoftOk());

        Exchange out = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
    }
}
