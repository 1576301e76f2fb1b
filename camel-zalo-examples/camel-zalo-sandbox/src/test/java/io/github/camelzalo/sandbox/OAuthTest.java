package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth v4: consent, PKCE, single-use codes and refresh tokens, lifetimes on the clock, errors and quirks. */
class OAuthTest extends ZaloApiFixture {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String SECOND_OA = "4400000000000000002";

    @Test
    void theConsentPageRedirectsAtOnceWithCodeOaAndState() {
        start(zaloBuilder());

        Answer a = permission(form("app_id", APP_ID, "redirect_uri", REDIRECT, "code_challenge",
                ZaloOAuth.challengeOf(VERIFIER), "state", "xyz 1"));

        assertThat(a.status()).isEqualTo(302);
        String location = a.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=");
        Map<String, String> q = locationQuery(a);
        assertThat(q.keySet()).containsExactly("code", "oa_id", "state");
        assertThat(q.get("oa_id")).isEqualTo(OA);
        assertThat(q.get("state")).isEqualTo("xyz 1");
        assertThat(q.get("code")).hasSizeGreaterThan(20);
        assertThat(sandbox.oauth().pendingCodes()).isEqualTo(1);

        Answer withQuery = permission(form("app_id", APP_ID, "redirect_uri", REDIRECT + "?shop=1"));
        assertThat(withQuery.raw().headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT + "?shop=1&code=");
        assertThat(locationQuery(withQuery)).doesNotContainKey("state");
    }

    @Test
    void theConsentPageRefusesAnUnknownAppOrOa() {
        start(zaloBuilder());

        Answer app = permission(form("app_id", "999", "redirect_uri", REDIRECT));
        Answer oa = permission(form("app_id", APP_ID, "redirect_uri", REDIRECT, "oa_id", "123"));
        Answer noRedirect = permission(form("app_id", APP_ID));

        assertThat(app.status()).isEqualTo(400);
        assertThat(app.json().get("error").asInt()).isEqualTo(-14002);
        assertThat(oa.status()).isEqualTo(400);
        assertThat(oa.text("error_description")).contains("123");
        assertThat(noRedirect.status()).isEqualTo(400);
        assertThat(noRedirect.text("error_description")).contains("redirect_uri");
        assertThat(sandbox.oauth().pendingCodes()).isZero();
    }

    @Test
    void aCodeIsExchangedOnceWithTheRightVerifier() {
        start(zaloBuilder());
        String code = consent(VERIFIER);

        Answer a = exchange(code, VERIFIER);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().size()).isEqualTo(3);
        assertThat(a.json().get("expires_in").isTextual()).isTrue();
        assertThat(a.text("expires_in")).isEqualTo("90000");
        TokenPair pair = sandbox.oauth().currentTokens(OA).orElseThrow();
        assertThat(a.text("access_token")).isEqualTo(pair.accessToken());
        assertThat(a.text("refresh_token")).isEqualTo(pair.refreshToken());
        assertThat(pair.accessTokenExpiresAt()).isEqualTo(clock.now().plus(Duration.ofHours(25)));
        assertThat(pair.refreshTokenExpiresAt()).isEqualTo(clock.now().plus(Duration.ofDays(90)));

        Answer again = exchange(code, VERIFIER);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("error").asInt()).isEqualTo(-14005);
        assertThat(again.text("error_description")).contains("already used");
        assertThat(sandbox.oauth().counters(OA)).isEqualTo(new OAuthCounters(1, 1, 0, 1, 0, 0));
        assertThat(sandbox.oauth().counters().rejectedCodes()).isEqualTo(1);
    }

    @Test
    void aWrongOrMissingVerifierIsRefusedAndBurnsTheCode() {
        start(zaloBuilder());

        Answer wrong = exchange(consent(VERIFIER), VERIFIER.replace('d', 'e'));
        Answer missing = tokenRequest(APP_SECRET, "code", consent(VERIFIER), "app_id", APP_ID, "grant_type",
                "authorization_code");
        String code = consent(VERIFIER);
        exchange(code, "wrong");
        Answer afterWrong = exchange(code, VERIFIER);

        assertThat(wrong.json().get("error").asInt()).isEqualTo(-14005);
        assertThat(wrong.text("error_description")).contains("code_verifier");
        assertThat(missing.json().get("error").asInt()).isEqualTo(-14005);
        assertThat(afterWrong.json().get("error").asInt()).isEqualTo(-14005);
        assertThat(sandbox.oauth().currentTokens(OA)).isEmpty();
        assertThat(sandbox.oauth().counters(OA).rejectedCodes()).isEqualTo(3);
    }

    @Test
    void aCodeLivesTenMinutesOnTheClock() {
        start(zaloBuilder());
        String early = consent(VERIFIER);
        String late = consent(VERIFIER);

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        Answer inTime = exchange(early, VERIFIER);
        clock.advance(Duration.ofMillis(1));
        Answer tooLate = exchange(late, VERIFIER);

        assertThat(inTime.text("access_token")).isNotNull();
        assertThat(tooLate.json().get("error").asInt()).isEqualTo(-14005);
        assertThat(tooLate.text("error_description")).contains("expired");
    }

    @Test
    void theTokenEndpointNamesEachBadInputWithZalosCodeOnHttp200() {
        start(zaloBuilder());
        String refresh = sandbox.issueTokens(OA).refreshToken();

        Answer app = tokenRequest(APP_SECRET, "refresh_token", refresh, "app_id", "42", "grant_type",
                "refresh_token");
        Answer secret = tokenRequest("wrong", "refresh_token", refresh, "app_id", APP_ID, "grant_type",
                "refresh_token");
        Answer noSecret = tokenRequest(null, "refresh_token", refresh, "app_id", APP_ID, "grant_type",
                "refresh_token");
        Answer grant = tokenRequest(APP_SECRET, "refresh_token", refresh, "app_id", APP_ID, "grant_type",
                "password");
        Answer unknownRefresh = refresh("not-a-token");
        Answer unknownCode = exchange("not-a-code", VERIFIER);

        assertThat(List.of(app, secret, noSecret, grant, unknownRefresh, unknownCode))
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(200);
                    assertThat(a.json().get("error").isInt()).isTrue();
                    assertThat(a.text("error_name")).isNotBlank();
                    assertThat(a.text("error_description")).isNotBlank();
                    assertThat(a.json().has("access_token")).isFalse();
                });
        assertThat(app.json().get("error").asInt()).isEqualTo(-14002);
        assertThat(secret.json().get("error").asInt()).isEqualTo(-14004);
        assertThat(noSecret.json().get("error").asInt()).isEqualTo(-14004);
        assertThat(grant.json().get("error").asInt()).isEqualTo(-14018);
        assertThat(unknownRefresh.json().get("error").asInt()).isEqualTo(-14014);
        assertThat(unknownCode.json().get("error").asInt()).isEqualTo(-14005);
        assertThat(refresh(refresh).text("access_token")).as("none of these used the refresh token").isNotNull();
    }

    @Test
    void aRefreshTokenWorksOnceAndEveryRefreshEndsThePreviousPair() {
        start(zaloBuilder());
        TokenPair first = sandbox.issueTokens(OA);

        Answer a = refresh(first.refreshToken());

        assertThat(a.text("access_token")).isNotEqualTo(first.accessToken());
        assertThat(a.text("refresh_token")).isNotEqualTo(first.refreshToken());
        assertThat(a.text("expires_in")).isEqualTo("90000");
        Answer reused = refresh(first.refreshToken());
        assertThat(reused.json().get("error").asInt()).isEqualTo(-14014);
        assertThat(reused.text("error_description")).contains("already used");
        assertThat(sandbox.oauth().checkAccessToken(first.accessToken()).status())
                .isEqualTo(ZaloOAuth.AccessStatus.DEAD);
        assertThat(sandbox.oauth().checkAccessToken(a.text("access_token")).status())
                .isEqualTo(ZaloOAuth.AccessStatus.VALID);

        Answer next = refresh(a.text("refresh_token"));

        assertThat(next.text("access_token")).isNotNull();
        assertThat(sandbox.oauth().counters(OA)).isEqualTo(new OAuthCounters(3, 0, 2, 3, 1, 0));
    }

    @Test
    void concurrentRefreshesWithOneTokenLetExactlyOneThrough() throws Exception {
        start(zaloBuilder());
        String refresh = sandbox.issueTokens(OA).refreshToken();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return refresh(refresh);
            }, pool));
        }
        go.countDown();
        List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        assertThat(answers).filteredOn(a -> a.json().has("access_token")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.json().path("error").asInt() == -14014).hasSize(19);
        assertThat(sandbox.oauth().counters(OA).refreshes()).isEqualTo(1);
        assertThat(sandbox.oauth().counters(OA).rejectedRefreshTokens()).isEqualTo(19);
    }

    @Test
    void lifetimesAreConfigurableAndCountOnTheClock() {
        start(zaloBuilder().accessTokenLifetime(Duration.ofMinutes(2)).refreshTokenLifetime(Duration.ofHours(1)));
        TokenPair pair = sandbox.issueTokens(OA);

        clock.advance(Duration.ofMinutes(2));
        assertThat(sandbox.oauth().checkAccessToken(pair.accessToken()).status())
                .isEqualTo(ZaloOAuth.AccessStatus.EXPIRED);
        Answer renewed = refresh(pair.refreshToken());
        assertThat(renewed.text("expires_in")).isEqualTo("120");

        clock.advance(Duration.ofHours(1));
        Answer expired = refresh(renewed.text("refresh_token"));
        assertThat(expired.json().get("error").asInt()).isEqualTo(-14014);
        assertThat(expired.text("error_description")).contains("expired");

        sandbox.oauth().setAccessTokenLifetime(Duration.ofSeconds(30));
        assertThat(sandbox.issueTokens(OA).accessTokenExpiresAt()).isEqualTo(clock.now().plusSeconds(30));
    }

    @Test
    void revokedTokensAreRefusedUntilTheAdminConsentsAgain() {
        start(zaloBuilder());
        TokenPair pair = sandbox.issueTokens(OA);

        sandbox.revokeTokens(OA);

        assertThat(refresh(pair.refreshToken()).json().get("error").asInt()).isEqualTo(-14014);
        assertThat(sandbox.oauth().checkAccessToken(pair.accessToken()).status())
                .isEqualTo(ZaloOAuth.AccessStatus.DEAD);
        assertThat(sandbox.oauth().currentTokens(OA)).isEmpty();
        assertThat(exchange(consent(VERIFIER), VERIFIER).text("access_token")).isNotNull();
    }

    @Test
    void theQuirksOfTheRealEndpointCanBeReproduced() {
        start(zaloBuilder().oauthQuirks(OAuthQuirk.EMPTY_BODY_FOR_USED_REFRESH_TOKEN, OAuthQuirk.ERROR_AS_STRING,
                OAuthQuirk.EXPIRES_IN_AS_NUMBER));
        TokenPair pair = sandbox.issueTokens(OA);
        Answer ok = refresh(pair.refreshToken());

        Answer used = refresh(pair.refreshToken());
        Answer unknown = refresh("nope");

        assertThat(ok.json().get("expires_in").isNumber()).isTrue();
        assertThat(ok.json().get("expires_in").asLong()).isEqualTo(90000);
        assertThat(used.status()).isEqualTo(200);
        assertThat(used.raw().body()).isEmpty();
        assertThat(unknown.json().get("error").isTextual()).isTrue();
        assertThat(unknown.text("error")).isEqualTo("-14014");
    }

    @Test
    void aRefreshAnswerWithoutRefreshTokenKeepsTheOldOneValid() {
        start(zaloBuilder());
        sandbox.oauth().enable(OAuthQuirk.NO_REFRESH_TOKEN_ON_REFRESH);
        TokenPair pair = sandbox.issueTokens(OA);

        Answer first = refresh(pair.refreshToken());
        Answer second = refresh(pair.refreshToken());

        assertThat(first.json().has("refresh_token")).isFalse();
        assertThat(first.text("access_token")).isNotNull();
        assertThat(second.text("access_token")).isNotNull().isNotEqualTo(first.text("access_token"));
        assertThat(sandbox.oauth().checkAccessToken(first.text("access_token")).status())
                .isEqualTo(ZaloOAuth.AccessStatus.DEAD);
        assertThat(sandbox.oauth().checkAccessToken(pair.accessToken()).status())
                .isEqualTo(ZaloOAuth.AccessStatus.DEAD);

        sandbox.oauth().disable(OAuthQuirk.NO_REFRESH_TOKEN_ON_REFRESH);
        assertThat(refresh(pair.refreshToken()).text("refresh_token")).isNotNull();
        assertThat(refresh(pair.refreshToken()).json().get("error").asInt()).isEqualTo(-14014);
    }

    @Test
    void eachOaHasItsOwnPairAndCounters() {
        start(zaloBuilder().officialAccount(SECOND_OA, "second-secret"));
        TokenPair first = sandbox.issueTokens(OA);

        Answer consent = permission(form("app_id", APP_ID, "redirect_uri", REDIRECT, "code_challenge",
                ZaloOAuth.challengeOf(VERIFIER), "oa_id", SECOND_OA));
        Map<String, String> q = locationQuery(consent);
        Answer second = exchange(q.get("code"), VERIFIER);

        assertThat(q.get("oa_id")).isEqualTo(SECOND_OA);
        assertThat(sandbox.oauth().currentTokens(SECOND_OA).orElseThrow().accessToken())
                .isEqualTo(second.text("access_token"));
        assertThat(sandbox.oauth().checkAccessToken(first.accessToken()).status())
                .as("another OA's consent leaves this pair alone").isEqualTo(ZaloOAuth.AccessStatus.VALID);
        assertThat(sandbox.oauth().checkAccessToken(second.text("access_token")).oaId()).isEqualTo(SECOND_OA);
        assertThat(sandbox.oauth().counters(SECOND_OA).codeExchanges()).isEqualTo(1);
        assertThat(sandbox.oauth().counters(OA).codeExchanges()).isZero();
        assertThat(sandbox.officialAccounts()).extracting(OfficialAccount::oaId).containsExactly(OA, SECOND_OA);
        assertThat(sandbox.oa(SECOND_OA).secretKey()).isEqualTo("second-secret");
    }

    @Test
    void tokensNeverAppearInToString() {
        start(zaloBuilder());
        TokenPair pair = sandbox.issueTokens(OA);

        assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken())
                .contains(TokenDigest.of(pair.accessToken()));
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        start(zaloBuilder());

        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.zaloOauthBaseUrl()
                                                                               + "/v4/oa/access_token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.zaloOauthBaseUrl()
                                                                                   + "/v3/oa/permission")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
