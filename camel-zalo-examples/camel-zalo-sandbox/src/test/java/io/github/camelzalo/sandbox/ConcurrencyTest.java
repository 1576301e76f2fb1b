package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: every request answered, no free reply or unit of quota handed out twice. */
class ConcurrencyTest extends SandboxFixture {

    @Test
    void concurrentSendsShareTheQuotaExactly() throws Exception {
        start(builder().subQuota(100).rateLimitPerSecond(0));
        String body = "{\"zalo\":{\"phone_no\":\"" + NGHIA + "\",\"oa_id\":\"" + OA + "\",\"message\":\"x\"}}";
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder().executor(clients).build();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(sandbox.caresoftBaseUrl(TENANT)
                                                              + "/api/v1/zalo/send-message"))
                    .header("Authorization", "Bearer " + CS_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).thenAccept(
                    a -> (a.body().contains("\"ok\"") ? ok : refused).incrementAndGet()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        clients.shutdown();

        assertThat(ok.get()).isEqualTo(108);
        assertThat(refused.get()).isEqualTo(92);
        assertThat(sandbox.outbox().countByQuota()).containsEntry("reply", 8L).containsEntry("sub_quota", 100L);
        for (String quota : new String[] { "reply", "sub_quota" }) {
            assertThat(sandbox.outbox().messages()).filteredOn(m -> m.quotaType().equals(quota))
                    .extracting(OutboxMessage::quotaRemain).as(quota + " remain").doesNotHaveDuplicates();
        }
    }

    @Test
    void answersAFewThousandRequestsASecondWithTheRateLimitOn() throws Exception {
        clock = SandboxClock.system();
        // without lockoutAfter(0), 20 consecutive 429s would lock the tenant out within milliseconds
        start(builder().rateLimitPerSecond(300).lockoutAfter(0));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String status = "{\"phone_no\":\"" + NGHIA + "\"}";
        int perThread = 500;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<int[]>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                int[] counts = new int[2];
                for (int i = 0; i < perThread; i++) {
                    Answer a = call(HttpRequest.newBuilder(URI.create(sandbox.caresoftBaseUrl(TENANT)
                                                                      + "/api/v1/zalo/user-status"))
                            .header("Authorization", "Bearer " + CS_KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(status)).build(), http);
                    counts[a.status() == 200 ? 0 : 1]++;
                }
                return counts;
            }, clients));
        }
        int passed = 0;
        int limited = 0;
        for (CompletableFuture<int[]> run : runs) {
            passed += run.get()[0];
            limited += run.get()[1];
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        clients.shutdown();

        assertThat(passed + limited).isEqualTo(4000);
        assertThat(sandbox.stats().rateLimited()).isEqualTo(limited);
        // 300 pass per second at most: the rest of 4000 are 429s, absorbed and counted
        long seconds = took.toMillis() / 1000 + 1;
        assertThat(passed).isLessThanOrEqualTo((int) (300 * seconds));
        assertThat(took).as("4000 requests").isLessThan(Duration.ofSeconds(20));
    }

    private static Answer call(HttpRequest request, HttpClient http) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), SandboxJson.MAPPER.readTree(r.body()), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
