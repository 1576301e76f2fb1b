package io.github.camelzalo.component.zalo;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message headers often come from untrusted input (an upstream HTTP or Kafka consumer). Whatever they say, the
 * request goes to the configured provider URL, as a POST, with the configured key: a second server, named in every
 * header an attacker might try, must receive nothing.
 */
class TrustBoundaryTest extends ZaloTestSupport {

    private static FaultServer elsewhere;

    @BeforeAll
    static void startElsewhere() throws Exception {
        elsewhere = new FaultServer();
    }

    @AfterAll
    static void stopElsewhere() throws Exception {
        elsewhere.close();
    }

    @BeforeEach
    void resetElsewhere() {
        elsewhere.reset();
    }

    /** Every header that steers a request somewhere in Camel's HTTP components, or might be guessed to here. */
    private static Object[] hostileHeaders() {
        String there = elsewhere.url();
        return new Object[] {
                Exchange.HTTP_URI, there + "/steal",
                Exchange.HTTP_URL, there + "/steal",
                Exchange.HTTP_PATH, "/../../steal",
                Exchange.HTTP_QUERY, "apiKey=attacker&to=" + there,
                Exchange.HTTP_RAW_QUERY, "apiKey=attacker",
                Exchange.HTTP_METHOD, "GET",
                Exchange.HTTP_BASE_URI, there,
                "Authorization", "Bearer attacker-token",
                "Host", "attacker.example",
                "X-Forwarded-Host", "attacker.example",
                "Content-Type", "text/plain",
                "CamelZaloBaseUrl", there + "/acme",
                "CamelZaloApiKey", "attacker-key",
                "CamelZaloProvider", "etelecom",
                "CamelZaloUri", there,
                "CamelZaloRequestTimeout", 1 };
    }

    @ParameterizedTest
    @ValueSource(strings = { "userStatus", "send", "sendImage" })
    void headersCannotRedirectTheRequestOrChangeItsCredentials(String operation) {
        String path;
        String key;
        Object body;
        Object[] data;
        switch (operation) {
            case "userStatus" -> {
                path = CARESOFT_USER_STATUS;
                key = CARESOFT_KEY;
                stub(path, json(200, UserStatusTest.DOCUMENT_ANSWER));
                body = "0981234980";
                data = new Object[0];
            }
            case "send" -> {
                path = CARESOFT_SEND;
                key = CARESOFT_KEY;
                stub(path, caresoftOk());
                body = "Xin chào";
                data = new Object[] { ZaloConstants.PHONE_NO, "0981234980" };
            }
            default -> {
                path = ETELECOM_SEND_IMAGE;
                key = ETELECOM_KEY;
                stub(path, json(200, SendImageTest.CREATED));
                body = null;
                data = new Object[] { ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL,
                        "https://img.example.vn/a.png" };
            }
        }
        Object[] headers = concat(data, hostileHeaders());

        Exchange out = call("zalo:" + operation, body, headers);

        assertThat(out.getException()).isNull();
        List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest r = requests.get(0);
        assertThat(r.getMethod().getName()).isEqualTo("POST");
        assertThat(r.getUrl()).isEqualTo(path);
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + key);
        assertThat(r.getHeaders().getHeader("Authorization").values()).hasSize(1);
        assertThat(r.getHeader("Host")).isEqualTo("127.0.0.1:" + wireMock.port());
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        assertThat(r.getHeaders().keys()).noneMatch(h -> h.equalsIgnoreCase("X-Forwarded-Host"));
        assertThat(r.getBodyAsString()).doesNotContain("attacker", elsewhere.url());
        assertThat(elsewhere.connectionsAccepted).hasValue(0);
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyCannotBeCarriedElsewhere() {
        stub(CARESOFT_SEND, aResponse().withStatus(307).withHeader("Location", elsewhere.url() + "/acme/steal"));

        Exchange out = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getHttpStatus()).isEqualTo(307);
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(e.getErrorMessage()).contains("Redirected to", "baseUrl");
        assertThat(elsewhere.connectionsAccepted).hasValue(0);
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
