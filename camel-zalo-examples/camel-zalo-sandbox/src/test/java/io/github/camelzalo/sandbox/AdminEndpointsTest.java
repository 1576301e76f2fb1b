package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's lists for people and the web inbox: scripts, ZNS templates, OAuth state, clock, counters. */
class AdminEndpointsTest extends ZaloApiFixture {

    @BeforeEach
    void startSandbox() {
        ZaloSandbox.Builder b = zaloBuilder().zaloRateLimitPerMinute(100);
        ZnsTemplate.samples().forEach(b::znsTemplate);
        start(b);
    }

    @Test
    void scriptsAreListedWithTheirParameters() {
        Answer a = get("/sandbox/scripts");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).extracting(s -> s.get("script_id").asLong()).containsExactly(500L, 608L, 700L);
        JsonNode order = a.json().get(1);
        assertThat(order.get("type").asText()).isEqualTo("transaction");
        assertThat(order.get("parameters")).extracting(JsonNode::asText).containsExactly("username", "order_id");
        assertThat(order.get("template").asText()).contains("{{username}}");
    }

    @Test
    void znsTemplatesAreListedWithTheirParametersAndStatus() {
        sandbox.znsTemplates().setStatus("2450002", ZnsTemplate.DISABLE);

        Answer a = get("/sandbox/zns-templates");

        assertThat(a.json()).hasSize(5);
        JsonNode otp = a.json().get(1);
        assertThat(otp.get("template_id").asText()).isEqualTo("2450002");
        assertThat(otp.get("status").asText()).isEqualTo("DISABLE");
        assertThat(otp.get("params").get(0).toString()).isEqualTo("{\"name\":\"otp\",\"require\":true,\"type\":"
                                                                  + "\"STRING\",\"max_length\":8,\"min_length\":4,"
                                                                  + "\"accept_null\":false}");
        assertThat(otp.get("content").asText()).contains("<otp>");
    }

    @Test
    void theOauthStateShowsTokensOnlyAsDigests() {
        TokenPair pair = sandbox.issueTokens(OA);
        refresh("unknown-token");

        Answer a = get("/sandbox/oauth");

        assertThat(a.raw().body()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken())
                .doesNotContain(APP_SECRET).doesNotContain(OA_SECRET);
        assertThat(a.text("app_id")).isEqualTo(APP_ID);
        assertThat(a.json().get("access_token_lifetime_s").asLong()).isEqualTo(90000);
        JsonNode oa = a.json().get("oas").get(0);
        assertThat(oa.get("oa_id").asText()).isEqualTo(OA);
        assertThat(oa.get("access_token").asText()).isEqualTo(TokenDigest.of(pair.accessToken()))
                .matches("sha256:[0-9a-f]{8}");
        assertThat(oa.get("refresh_token").asText()).isEqualTo(TokenDigest.of(pair.refreshToken()));
        assertThat(oa.get("counters").get("rotations").asInt()).isEqualTo(1);
        assertThat(a.json().get("counters").get("rejected_refresh_tokens").asInt()).isEqualTo(1);
    }

    @Test
    void tokensAreIssuedAndRevokedOnRequest() {
        Answer issued = post("/sandbox/oauth/" + OA + "/tokens", null, "");
        String access = issued.text("access_token");

        assertThat(issued.status()).isEqualTo(200);
        assertThat(sandbox.oauth().currentTokens(OA).orElseThrow().accessToken()).isEqualTo(access);
        assertThat(error(sendOa("cs", access, NGHIA_ZALO, text("Chào")))).isZero();

        Answer revoked = post("/sandbox/oauth/" + OA + "/revoke", null, "");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("oas").get(0).get("access_token").isNull()).isTrue();
        assertThat(error(sendOa("cs", access, NGHIA_ZALO, text("Chào")))).isEqualTo(-216);
        assertThat(post("/sandbox/oauth/42/tokens", null, "").status()).isEqualTo(404);
    }

    @Test
    void theClockCanBeReadAndMoved() {
        Answer now = get("/sandbox/clock");
        Answer later = post("/sandbox/clock", null, "{\"advance\":\"PT2H\"}");
        Answer set = post("/sandbox/clock", null, "{\"set\":\"2026-03-09T08:00:00+07:00\"}");
        Answer bad = post("/sandbox/clock", null, "{\"advance\":\"2 hours\"}");
        Answer neither = post("/sandbox/clock", null, "{}");

        assertThat(now.text("now")).isEqualTo("2026-03-02T09:00:00+07:00");
        assertThat(now.json().get("frozen").asBoolean()).isTrue();
        assertThat(later.text("now")).isEqualTo("2026-03-02T11:00:00+07:00");
        assertThat(set.text("now")).isEqualTo("2026-03-09T08:00:00+07:00");
        assertThat(clock.localNow()).isEqualTo(LocalDateTime.of(2026, 3, 9, 8, 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(neither.status()).isEqualTo(400);
    }

    @Test
    void statsCountZaloRequestsAndTheAppsRateLimit() {
        String token = sandbox.issueTokens(OA).accessToken();
        sendOa("cs", token, NGHIA_ZALO, text("Một"));
        sendOa("cs", "bad", NGHIA_ZALO, text("Hai"));
        refresh("nope");

        Answer a = get("/sandbox/stats");

        assertThat(a.json().get("zalo_requests").asInt()).isEqualTo(3);
        assertThat(a.json().get("unauthorized").asInt()).isEqualTo(1);
        assertThat(a.json().get("zalo_rate_limit").get("limit_per_minute").asInt()).isEqualTo(100);
        assertThat(a.json().get("zalo_rate_limit").get("calls_in_last_minute").asInt()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("/sandbox/stats").json().get("zalo_rate_limit").get("calls_in_last_minute").asInt()).isZero();
    }

    @Test
    void conversationsAreListedLatestActivityFirst() {
        String token = sandbox.issueTokens(OA).accessToken();
        sendOa("cs", token, NGHIA_ZALO, text("Chào anh Nghĩa"));
        clock.advance(Duration.ofMinutes(5));
        sandbox.actAs(BICH).writes("Shop ơi");
        clock.advance(Duration.ofMinutes(5));
        sendOa("cs", token, NGHIA_ZALO, text("Anh cần gì ạ?"));

        Answer a = get("/sandbox/conversations");

        assertThat(a.json()).extracting(c -> c.get("phone_no").asText()).containsExactly(NGHIA, BICH);
        JsonNode nghia = a.json().get(0);
        assertThat(nghia.get("name").asText()).isEqualTo("Nguyễn Trọng Nghĩa");
        assertThat(nghia.get("messages").asInt()).isEqualTo(2);
        assertThat(nghia.get("unseen").asInt()).isEqualTo(2);
        assertThat(nghia.get("last_text").asText()).isEqualTo("Anh cần gì ạ?");
        assertThat(nghia.get("last_direction").asText()).isEqualTo("from_oa");
        assertThat(a.json().get(1).get("last_direction").asText()).isEqualTo("from_customer");
    }

    @Test
    void customersShowTheirZaloProfile() {
        sandbox.directory().update(NGHIA, c -> c.withProfile(c.profile().withTags(List.of("vip"))
                .withZnsConsent(false)));

        JsonNode nghia = get("/sandbox/customers").json().get(0);

        assertThat(nghia.get("tags")).extracting(JsonNode::asText).containsExactly("vip");
        assertThat(nghia.get("zns_consent").asBoolean()).isFalse();
        assertThat(nghia.get("admin").asBoolean()).isFalse();
    }

    @Test
    void unknownAdminPathsAndBadBodiesAreRefused() {
        assertThat(get("/sandbox/nothing").status()).isEqualTo(404);
        assertThat(call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/webhooks"))
                .PUT(HttpRequest.BodyPublishers.ofString("[1]")).build()).status()).isEqualTo(400);
    }
}
