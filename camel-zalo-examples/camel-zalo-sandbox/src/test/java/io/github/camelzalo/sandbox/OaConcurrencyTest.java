package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many OA API clients at once: the package quota, the ZNS quota and the app's rate limit are shared exactly. */
class OaConcurrencyTest extends ZaloApiFixture {

    private List<Integer> concurrently(int calls, String path, String token, String body) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            HttpClient http = HttpClient.newBuilder().executor(clients).build();
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                HttpRequest r = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                        .header("access_token", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).thenApply(a -> {
                    try {
                        JsonNode json = SandboxJson.MAPPER.readTree(a.body());
                        return json.get("error").asInt();
                    } catch (Exception e) {
                        throw new IllegalStateException(a.body(), e);
                    }
                }));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void concurrentSendsShareTheSubQuotaExactly() throws Exception {
        start(zaloBuilder().subQuota(50));
        String token = sandbox.issueTokens(OA).accessToken();

        List<Integer> codes = concurrently(120, "/zalo/openapi/v3.0/oa/message/cs", token,
                "{\"recipient\":{\"user_id\":\"8941234567136204\"},\"message\":{\"text\":\"x\"}}");

        assertThat(codes).filteredOn(c -> c == 0).hasSize(50);
        assertThat(codes).filteredOn(c -> c == -211).hasSize(70);
        assertThat(sandbox.oa().subQuotaRemaining()).isZero();
        assertThat(sandbox.outbox().countByQuota()).containsExactlyEntriesOf(Map.of("sub_quota", 50L));
    }

    @Test
    void concurrentCallsPassTheRateLimitExactly() throws Exception {
        start(zaloBuilder().subQuota(1000).zaloRateLimitPerMinute(30));
        String token = sandbox.issueTokens(OA).accessToken();

        List<Integer> codes = concurrently(80, "/zalo/openapi/v3.0/oa/message/cs", token,
                "{\"recipient\":{\"user_id\":\"" + NGHIA_ZALO + "\"},\"message\":{\"text\":\"x\"}}");

        assertThat(codes).filteredOn(c -> c == 0).hasSize(30);
        assertThat(codes).filteredOn(c -> c == -32).hasSize(50);
        assertThat(sandbox.zaloRateLimit().rejected()).isEqualTo(50);
    }

    @Test
    void concurrentZnsShareTheDailyQuotaExactly() throws Exception {
        ZaloSandbox.Builder b = zaloBuilder().znsDailyQuota(25);
        ZnsTemplate.samples().forEach(b::znsTemplate);
        start(b);
        String token = sandbox.issueTokens(OA).accessToken();

        List<Integer> codes = concurrently(60, "/zalo/business/message/template", token,
                "{\"phone\":\"84981234980\",\"template_id\":\"2450002\",\"template_data\":{\"otp\":\"1234\"}}");

        assertThat(codes).filteredOn(c -> c == 0).hasSize(25);
        assertThat(codes).filteredOn(c -> c == -115).hasSize(35);
        assertThat(sandbox.znsTemplates().remainingQuota(OA)).isZero();
    }
}
