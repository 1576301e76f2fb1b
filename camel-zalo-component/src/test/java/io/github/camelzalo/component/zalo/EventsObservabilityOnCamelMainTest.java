package io.github.camelzalo.component.zalo;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelzalo.component.zalo.WebhookPoster.OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.OTHER_OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.PREVIOUS_OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads over HTTP of a Camel Main application's {@code zalo:events} consumers, configured by
 * properties only: each consumer's readiness on Camel Main's health endpoint ({@code consumer:<routeId>} on
 * {@code /observe/health}, still UP but saying so while Zalo's events are refused as not verifiably Zalo's, no
 * longer saying so after the next verified event, DOWN when the route is stopped), and the events section of the {@code zalo} dev console
 * ({@code /q/dev/zalo}) in text and JSON. Never the OA's secret key.
 */
class EventsObservabilityOnCamelMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static Main main;
    private static WebhookPoster zalo;
    private static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        int port = WebhookPoster.freePort();
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            managementPort = free.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", Integer.toString(managementPort));
        main.addInitialProperty("camel.management.health-check-enabled", "true");
        main.addInitialProperty("camel.management.dev-console-enabled", "true");
        main.addInitialProperty("camel.main.dev-console-enabled", "true");
        main.addInitialProperty("camel.component.zalo.zalo.app-id", WebhookPoster.APP_ID);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        main.addInitialProperty("camel.component.zalo.zalo.previous-oa-secret-key", PREVIOUS_OA_KEY);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events").routeId("events").log("${header.CamelZaloEventName}");
                from("zalo:events?webhookPath=/zalo/stoppable").routeId("stoppable").log("${header.CamelZaloEventName}");
                from("zalo:events?webhookPath=/zalo/console&ackTimeout=200&events=user_send_*&maxBodySize=1024")
                        .routeId("console").errorHandler(noErrorHandler()).process(e -> {
                            String text = e.getMessage().getBody(io.github.camelzalo.component.zalo.model.event
                                    .MessageEvent.class).getText();
                            if (text.startsWith("slow")) {
                                Thread.sleep(600);
                            }
                            if (text.startsWith("fail")) {
                                throw new IllegalStateException("the downstream system is down");
                            }
                        });
                from("zalo:events?webhookPath=/zalo/full&ackMode=immediate&concurrentConsumers=1&eventQueueSize=0")
                        .routeId("full").process(e -> release.await(10, TimeUnit.SECONDS));
            }
        });
        main.start();
        zalo = new WebhookPoster(port);
    }

    @AfterAll
    static void stop() {
        release.countDown();
        if (main != null) {
            main.stop();
        }
    }

    private static String newId() {
        return "obs-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    private static int post(String path, String text, String key) {
        long ts = System.currentTimeMillis();
        return zalo.postSigned(path, WebhookPoster.text(newId(), text, ts), ts, key).statusCode();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> readiness() throws Exception {
        return get("/observe/health/ready?exposureLevel=full&data=true", "application/json");
    }

    private static JsonNode check(HttpResponse<String> health, String id) throws Exception {
        for (JsonNode check : JSON.readTree(health.body()).path("checks")) {
            if (check.path("name").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + health.body());
    }

    private static ZaloEventsStats stats(String routeId) {
        return (ZaloEventsStats) main.getCamelContext().getRoute(routeId).getConsumer();
    }

    private static void awaitCount(java.util.function.LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (count.getAsLong() != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(count.getAsLong()).isEqualTo(expected);
    }

    @Test
    void theConsumerIsUpWithItsFiguresThenDownWhileEventsFailVerificationThenUpWithTheNextVerifiedOne()
            throws Exception {
        assertThat(post("/zalo/events", "xin chào", OA_KEY)).isEqualTo(200);

        HttpResponse<String> up = readiness();

        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode ok = check(up, "consumer:events");
        assertThat(ok.path("status").asText()).isEqualTo("UP");
        assertThat(ok.path("data").path("webhookPath").asText()).isEqualTo("/zalo/events");
        assertThat(ok.path("data").path("ackMode").asText()).isEqualTo("afterRoute");
        assertThat(ok.path("data").path("received").asLong()).isEqualTo(1);
        assertThat(ok.path("data").path("accepted").asLong()).isEqualTo(1);
        assertThat(ok.path("data").path("rejected").asLong()).isZero();
        assertThat(ok.path("data").path("lastVerifiedAt").asText()).isNotEmpty();

        // the OA's key was rotated in Zalo's console and not here: every genuine event fails verification
        assertThat(post("/zalo/events", "xin chào", OTHER_OA_KEY)).isEqualTo(401);
        assertThat(post("/zalo/events", "xin chào", OTHER_OA_KEY)).isEqualTo(401);
        assertThat(zalo.post("/zalo/events", "POST", "application/json",
                WebhookPoster.text(newId(), "x", System.currentTimeMillis()).getBytes(), null).statusCode())
                .isEqualTo(401);

        HttpResponse<String> down = readiness();

        // reported, not DOWN: a forged request must not take the instance out of its load balancer
        assertThat(down.statusCode()).isEqualTo(200);
        JsonNode refused = check(down, "consumer:events");
        assertThat(refused.path("status").asText()).isEqualTo("UP");
        // Camel Main's health endpoint escapes the slashes of a check's message once more than JSON needs
        assertThat(refused.path("message").asText().replace("\\/", "/")).startsWith(
                "3 requests to /zalo/events refused as not verifiably Zalo's since the last verified event")
                .contains("MISSING_SIGNATURE", "check zalo.oaSecretKey");
        JsonNode data = refused.path("data");
        assertThat(data.path("signaturesFailing").asBoolean()).isTrue();
        assertThat(data.path("rejected.BAD_SIGNATURE").asLong()).isEqualTo(2);
        assertThat(data.path("rejected.MISSING_SIGNATURE").asLong()).isEqualTo(1);
        assertThat(data.path("rejected").asLong()).isEqualTo(3);
        assertThat(data.path("verificationFailuresSinceVerified").asLong()).isEqualTo(3);
        assertThat(data.path("lastVerificationFailure").asText()).isEqualTo("MISSING_SIGNATURE");
        // the other consumers' paths are not affected
        assertThat(check(down, "consumer:stoppable").path("data").path("signaturesFailing").asBoolean()).isFalse();

        assertThat(post("/zalo/events", "xin chào", PREVIOUS_OA_KEY)).isEqualTo(200);

        HttpResponse<String> again = readiness();

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode back = check(again, "consumer:events");
        assertThat(back.path("status").asText()).isEqualTo("UP");
        assertThat(back.path("data").path("signaturesFailing").asBoolean()).isFalse();
        assertThat(back.path("message").asText().replace("\\/", "/")).startsWith("/zalo/events: 5 requests");
        assertThat(back.path("data").path("verificationFailuresSinceVerified").asLong()).isZero();
        assertThat(back.path("data").path("rejected.BAD_SIGNATURE").asLong()).isEqualTo(2);
        assertThat(up.body() + down.body() + again.body()).doesNotContain(OA_KEY, OTHER_OA_KEY, PREVIOUS_OA_KEY,
                "mac=");
    }

    @Test
    void aStoppedConsumerIsDownAndItsPathIsNoLongerServed() throws Exception {
        assertThat(check(readiness(), "consumer:stoppable").path("status").asText()).isEqualTo("UP");
        main.getCamelContext().getRouteController().stopRoute("stoppable");
        try {
            HttpResponse<String> down = readiness();

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(check(down, "consumer:stoppable").path("status").asText()).isEqualTo("DOWN");
            assertThat(stats("stoppable").isWebhookServed()).isFalse();
            assertThat(post("/zalo/stoppable", "xin chào", OA_KEY)).isEqualTo(404);
        } finally {
            main.getCamelContext().getRouteController().startRoute("stoppable");
        }
        assertThat(stats("stoppable").isWebhookServed()).isTrue();
        assertThat(post("/zalo/stoppable", "xin chào", OA_KEY)).isEqualTo(200);
        assertThat(check(readiness(), "consumer:stoppable").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theDevConsoleShowsEachConsumerInTextAndJson() throws Exception {
        assertThat(post("/zalo/console", "xin chào", OA_KEY)).isEqualTo(200);
        long ts = System.currentTimeMillis();
        String body = text(newId(), "một lần", ts);
        assertThat(zalo.postSigned("/zalo/console", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(zalo.postSigned("/zalo/console", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(post("/zalo/console", "slow", OA_KEY)).isEqualTo(200);
        assertThat(post("/zalo/console", "fail", OA_KEY)).isEqualTo(500);
        assertThat(post("/zalo/console", "x".repeat(2000), OA_KEY)).isEqualTo(413);
        assertThat(post("/zalo/console", "xin chào", OTHER_OA_KEY)).isEqualTo(401);
        String follow = WebhookPoster.event("follow", "\"oa_id\":\"" + WebhookPoster.OA_ID
                                                      + "\",\"follower\":{\"id\":\"2468013579135792468\"}", ts);
        assertThat(zalo.postSigned("/zalo/console", follow, ts, OA_KEY).statusCode()).isEqualTo(200);
        release = new CountDownLatch(1);
        try {
            assertThat(post("/zalo/full", "a", OA_KEY)).isEqualTo(200);
            awaitCount(() -> stats("full").getInFlight(), 1);
            Thread.sleep(100);
            assertThat(post("/zalo/full", "b", OA_KEY)).isEqualTo(503);
        } finally {
            release.countDown();
        }
        awaitCount(() -> stats("console").getCompleted(), 3);

        HttpResponse<String> text = get("/q/dev/zalo", "text/plain");
        HttpResponse<String> json = get("/q/dev/zalo", "application/json");

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("Events on /zalo/console (route console)",
                "    Served: yes, at ",
                "    Takes: user_send_* of every OA; ackMode afterRoute, ackTimeout 200 ms",
                "    Requests (path): 8 received, 2 rejected (TOO_LARGE=1 BAD_SIGNATURE=1), 0 unclaimed",
                "    Events: 4 accepted, 3 completed, 1 failed (answered 500), 0 failed after the answer,"
                + " 1 duplicates, 1 filtered",
                "    Answers: 1 answered late (at ackTimeout), 0 refused when full, 0 refused while in flight,"
                + " 0 in flight",
                "    Not verified: last at ", "(BAD_SIGNATURE), 0 since the last verified event at ",
                "Events on /zalo/full (route full)", "ackMode immediate",
                "    Answers: 0 answered late (at ackTimeout), 1 refused when full, ");
        JsonNode events = JSON.readTree(json.body()).path("zalo").path("components").path(0).path("events");
        JsonNode console = null;
        for (JsonNode e : events) {
            if (e.path("routeId").asText().equals("console")) {
                console = e;
            }
        }
        assertThat(console).as("the console consumer in " + json.body()).isNotNull();
        assertThat(console.path("webhookPath").asText()).isEqualTo("/zalo/console");
        assertThat(console.path("served").asBoolean()).isTrue();
        assertThat(console.path("ackMode").asText()).isEqualTo("afterRoute");
        assertThat(console.path("ackTimeout").asLong()).isEqualTo(200);
        assertThat(console.path("events").asText()).isEqualTo("user_send_*");
        assertThat(console.path("received").asLong()).isEqualTo(8);
        assertThat(console.path("rejected").path("TOO_LARGE").asLong()).isEqualTo(1);
        assertThat(console.path("rejected").path("BAD_SIGNATURE").asLong()).isEqualTo(1);
        assertThat(console.path("rejected").path("STALE").asLong()).isZero();
        assertThat(console.path("accepted").asLong()).isEqualTo(4);
        assertThat(console.path("completed").asLong()).isEqualTo(3);
        assertThat(console.path("failed").asLong()).isEqualTo(1);
        assertThat(console.path("duplicates").asLong()).isEqualTo(1);
        assertThat(console.path("filtered").asLong()).isEqualTo(1);
        assertThat(console.path("ackedLate").asLong()).isEqualTo(1);
        assertThat(console.path("refusedInFlight").isNumber()).as("refusedInFlight").isTrue();
        assertThat(console.path("refusedInFlight").asLong()).isZero();
        assertThat(console.path("lastVerificationFailure").asText()).isEqualTo("BAD_SIGNATURE");
        JsonNode full = null;
        for (JsonNode e : events) {
            if (e.path("routeId").asText().equals("full")) {
                full = e;
            }
        }
        assertThat(full.path("ackMode").asText()).isEqualTo("immediate");
        assertThat(full.path("refusedWhenFull").asLong()).isEqualTo(1);
        assertThat(text.body() + json.body()).doesNotContain(OA_KEY, OTHER_OA_KEY, PREVIOUS_OA_KEY, "mac=");
    }
}
