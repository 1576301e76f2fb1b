package io.github.camelzalo.component.zalo.micrometer;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With this module on the class path and a real {@link SimpleMeterRegistry} in the registry of a Camel Main
 * application, {@code zalo:events} counts every request in {@code zalo.events} by path, outcome, rejection reason,
 * and the event's name and OA once it is verified; real HTTP POSTs to platform-http on vert.x. No key, no signature
 * and no text in any tag.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZaloEventsMetersTest {

    static final String APP_ID = "2771862381437218000";
    static final String OA_ID = "1600190000752846";
    static final String OA_KEY = "zalo-secret-oa-5e7a91c4";
    private static final String WRONG_KEY = "zalo-secret-oatwo-90ac11f3";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Main main;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        main = new Main();
        main.bind("meterRegistry", METERS);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.zalo.zalo.app-id", APP_ID);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?events=user_send_*").routeId("events").errorHandler(noErrorHandler())
                        .process(e -> {
                            String text = e.getMessage().getBody(
                                    io.github.camelzalo.component.zalo.model.event.MessageEvent.class).getText();
                            if (text.equals("fail")) {
                                throw new IllegalStateException("the downstream system is down");
                            }
                        });
                from("zalo:events?webhookPath=/zalo/slow&ackTimeout=100").routeId("slow")
                        .process(e -> Thread.sleep(400));
            }
        });
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
    }

    static String text(String msgId, String text, long ts) {
        return "{\"app_id\":\"" + APP_ID + "\",\"sender\":{\"id\":\"2468013579135792468\"},\"recipient\":{\"id\":\""
               + OA_ID + "\"},\"event_name\":\"user_send_text\",\"message\":{\"msg_id\":\"" + msgId + "\",\"text\":\""
               + text + "\"},\"timestamp\":\"" + ts + "\"}";
    }

    static String sign(byte[] body, long ts, String key) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(APP_ID.getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        sha.update((ts + key).getBytes(StandardCharsets.UTF_8));
        return "mac=" + HexFormat.of().formatHex(sha.digest());
    }

    static int post(String path, String type, String body, long ts, String key) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (key != null) {
            b.header("X-ZEvent-Signature", sign(bytes, ts, key));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int postText(String path, String id, String text, String key) throws Exception {
        long ts = System.currentTimeMillis();
        return post(path, "application/json", text(id, text, ts), ts, key);
    }

    private static String newId() {
        return "met-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    private static double count(String path, String outcome, String reason, String event, String oa) {
        Counter c = METERS.find("zalo.events").tag("path", path).tag("outcome", outcome).tag("reason", reason)
                .tag("event", event).tag("oa", oa).counter();
        return c == null ? 0 : c.count();
    }

    private static void awaitCount(String path, String outcome, String event, double expected) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (count(path, outcome, "none", event, OA_ID) != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(count(path, outcome, "none", event, OA_ID)).isEqualTo(expected);
    }

    @Test
    @Order(1)
    void eachOutcomeIsCountedByPathReasonEventAndOa() throws Exception {
        String id = newId();
        long ts = System.currentTimeMillis();
        String body = text(id, "xin chào", ts);
        assertThat(post("/zalo/events", "application/json", body, ts, OA_KEY)).isEqualTo(200);
        assertThat(post("/zalo/events", "application/json", body, ts, OA_KEY)).isEqualTo(200);
        assertThat(postText("/zalo/events", newId(), "fail", OA_KEY)).isEqualTo(500);
        assertThat(postText("/zalo/events", newId(), "xin chào", WRONG_KEY)).isEqualTo(401);
        assertThat(postText("/zalo/events", newId(), "xin chào", WRONG_KEY)).isEqualTo(401);
        assertThat(postText("/zalo/events", newId(), "xin chào", null)).isEqualTo(401);
        assertThat(post("/zalo/events", "text/plain", body, ts, OA_KEY)).isEqualTo(415);
        String follow = "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"follow\",\"oa_id\":\"" + OA_ID
                        + "\",\"follower\":{\"id\":\"2468013579135792468\"},\"timestamp\":\"" + ts + "\"}";
        assertThat(post("/zalo/events", "application/json", follow, ts, OA_KEY)).isEqualTo(200);
        assertThat(postText("/zalo/slow", newId(), "chậm", OA_KEY)).isEqualTo(200);
        awaitCount("/zalo/slow", "COMPLETED", "user_send_text", 1);

        String p = "/zalo/events";
        assertThat(count(p, "ACCEPTED", "none", "user_send_text", OA_ID)).isEqualTo(2);
        assertThat(count(p, "COMPLETED", "none", "user_send_text", OA_ID)).isEqualTo(1);
        assertThat(count(p, "DUPLICATE", "none", "user_send_text", OA_ID)).isEqualTo(1);
        assertThat(count(p, "FAILED", "none", "user_send_text", OA_ID)).isEqualTo(1);
        assertThat(count(p, "FILTERED", "none", "follow", OA_ID)).isEqualTo(1);
        // nothing of a request that failed verification is told: its name and OA could be anyone's
        assertThat(count(p, "REJECTED", "BAD_SIGNATURE", "unknown", "unknown")).isEqualTo(2);
        assertThat(count(p, "REJECTED", "MISSING_SIGNATURE", "unknown", "unknown")).isEqualTo(1);
        assertThat(count(p, "REJECTED", "UNSUPPORTED_MEDIA_TYPE", "unknown", "unknown")).isEqualTo(1);
        assertThat(count("/zalo/slow", "ACCEPTED", "none", "user_send_text", OA_ID)).isEqualTo(1);
        assertThat(count("/zalo/slow", "ACKED_LATE", "none", "user_send_text", OA_ID)).isEqualTo(1);
        for (Meter m : METERS.getMeters()) {
            if (m.getId().getName().equals("zalo.events")) {
                assertThat(m.getId().getTags().toString()).doesNotContain(OA_KEY, WRONG_KEY, "mac=", "xin chào",
                        "2468013579135792468");
            }
        }
    }

    /** Last: once the names are used up, every new one is other. */
    @Test
    @Order(2)
    void aFloodOfEventNamesEndsInOneOtherTagValue() throws Exception {
        long ts = System.currentTimeMillis();
        for (int i = 0; i < ZaloMeters.MAX_TAG_VALUES + 20; i++) {
            String unknown = "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"made_up_" + i + "\",\"oa_id\":\""
                             + OA_ID + "\",\"timestamp\":\"" + ts + "\"}";
            // not taken by events=user_send_*: answered at once
            assertThat(post("/zalo/events", "application/json", unknown, ts, OA_KEY)).isEqualTo(200);
        }
        long names = METERS.find("zalo.events").counters().stream().map(c -> c.getId().getTag("event"))
                .filter(e -> !e.equals("unknown")).distinct().count();
        assertThat(names).isEqualTo(ZaloMeters.MAX_TAG_VALUES + 1);
        // user_send_text and follow came first
        assertThat(count("/zalo/events", "FILTERED", "none", "other", OA_ID)).isEqualTo(22);
    }
}
