package io.github.camelzalo.component.zalo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The access token's life as Zalo's real endpoints see it: seeded, refreshed once, saved before use. */
class OfficialApiTokenTest extends OfficialApiTestSupport {

    @Test
    void theFirstCallSpendsTheConfiguredRefreshTokenAndCarriesTheNewAccessToken() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        csAnswer(ACCESS_1, "msg-1");

        Exchange out = call("zalo:send?provider=zalo", "Đơn hàng đã giao", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isNull();
        OaMessageResult result = out.getMessage().getBody(OaMessageResult.class);
        assertThat(result.getMessageId()).isEqualTo("msg-1");
        assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("msg-1");
        assertThat(out.getMessage().getHeader(ZaloConstants.QUOTA_TYPE)).isEqualTo("reply");
        assertThat(out.getMessage().getHeader(ZaloConstants.PROVIDER)).isEqualTo("zalo");

        List<LoggedRequest> token = wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(token).singleElement().satisfies(r -> {
            assertThat(r.getHeader("secret_key")).isEqualTo(APP_SECRET);
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(r.getBodyAsString()).isEqualTo("app_id=" + APP_ID + "&grant_type=refresh_token&refresh_token="
                                                      + SEED);
        });
        wireMock.verify(postRequestedFor(urlEqualTo(CS))
                .withHeader("access_token", equalTo(ACCESS_1))
                .withoutHeader("Authorization")
                .withoutHeader("appsecret_proof")
                .withRequestBody(equalToJson("{\"recipient\":{\"user_id\":\"" + USER + "\"},"
                                             + "\"message\":{\"text\":\"Đơn hàng đã giao\"}}")));
        StoredTokens stored = store().load(APP_ID, OA_ID);
        assertThat(stored.tokens().getAccessToken()).isEqualTo(ACCESS_1);
        assertThat(stored.tokens().getRefreshToken()).isEqualTo(REFRESH_1);
    }

    @Test
    void twoHundredConcurrentCallsMeetingAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        Instant now = Instant.now();
        store().save(APP_ID, OA_ID, new ZaloTokens("zalo-token-access-dead01", REFRESH_1, now.minusSeconds(5),
                null, now.minusSeconds(90_005), io.github.camelzalo.component.zalo.auth.TokenDigests.sha256(SEED)), 0);
        stub(refresh(REFRESH_1).willReturn(json(200, "{\"access_token\":\"" + ACCESS_2 + "\",\"refresh_token\":\""
                                                     + REFRESH_2 + "\",\"expires_in\":90000}")
                .withFixedDelay(300)));
        csAnswer(ACCESS_2, "msg-2");
        AsyncProducer producer = context.getEndpoint("zalo:send?provider=zalo").createAsyncProducer();
        producer.start();
        try {
            CountDownLatch done = new CountDownLatch(200);
            List<Exchange> exchanges = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Exchange e = context.getEndpoint("direct:x").createExchange();
                e.getMessage().setBody("Tin nhắn " + i);
                e.getMessage().setHeader(ZaloConstants.USER_ID, USER);
                exchanges.add(e);
                assertThat(producer.process(e, sync -> done.countDown())).isFalse();
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        } finally {
            producer.stop();
        }
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(1);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(CS)).withHeader("access_token", equalTo(ACCESS_2))))
                .hasSize(200);
    }

    @Test
    void aCallZaloRefusesForItsTokenGoesAgainOnceWithANewOne() {
        Instant now = Instant.now();
        store().save(APP_ID, OA_ID, new ZaloTokens(ACCESS_1, REFRESH_1, now.plusSeconds(80_000), null,
                now.minusSeconds(10_000), io.github.camelzalo.component.zalo.auth.TokenDigests.sha256(SEED)), 0);
        // the token was ended early (someone refreshed it elsewhere): -216
        stub(post(urlEqualTo(CS)).withHeader("access_token", equalTo(ACCESS_1))
                .willReturn(json(200, "{\"error\":-216,\"message\":\"Access token is invalid\"}")));
        tokenAnswer(REFRESH_1, ACCESS_2, REFRESH_2);
        csAnswer(ACCESS_2, "msg-3");

        Exchange out = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("msg-3");
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(1);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(CS)))).hasSize(2);
    }

    @Test
    void aFreshTokenRefusedAgainFailsWithoutALoop() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        tokenAnswer(REFRESH_1, ACCESS_2, REFRESH_2);
        stub(post(urlEqualTo(CS)).willReturn(json(200, "{\"error\":-220,\"message\":\"Access token expired\"}")));

        Exchange out = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TOKEN_INVALID);
            assertThat(e.getErrorCode()).isEqualTo("-220");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.mayHaveBeenProcessed()).isFalse();
        });
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(CS)))).hasSize(2);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(2);
    }

    @Test
    void aDeadRefreshTokenNeedsReauthorizationSendsNothingAndIsNotSpentAgain() {
        stub(refresh(SEED).willReturn(json(200, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\","
                                                + "\"error_description\":\"Invalid refresh token\"}")));
        csAnswer(ACCESS_1, "never");

        Exchange first = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);
        Exchange second = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        for (Exchange out : List.of(first, second)) {
            assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
                assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED);
                assertThat(e.getErrorCode()).isEqualTo("-14014");
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("OA " + OA_ID, "authorize app " + APP_ID + " again")
                        .doesNotContain(SEED);
            });
        }
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(1);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(CS)))).isEmpty();
    }

    @Test
    void anEmptyAnswerToARefreshMeansTheTokenWasUsedUp() {
        stub(refresh(SEED).willReturn(json(200, "")));

        Exchange out = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED));
    }

    @Test
    void aWrongAppSecretIsAConfigurationErrorNotAReauthorization() {
        stub(refresh(SEED).willReturn(json(200, "{\"error\":\"-14004\",\"error_name\":\"Invalid secret key\"}")));

        Exchange out = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("zalo.appSecret").doesNotContain(APP_SECRET);
        });
    }

    @Test
    void anUnreachableTokenEndpointFailsTheCallAsNotSentAndRetryable() {
        context.getComponent("zalo", ZaloComponent.class);
        wireMock.stubFor(refresh(SEED).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        Exchange out = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TOKEN_REFRESH_FAILED);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.mayHaveBeenProcessed()).isFalse();
        });
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(CS)))).isEmpty();
    }
}
