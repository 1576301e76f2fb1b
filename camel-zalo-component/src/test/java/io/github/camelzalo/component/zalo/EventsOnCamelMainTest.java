package io.github.camelzalo.component.zalo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelzalo.component.zalo.events.EventRejection;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.model.event.DeliveryEvent;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import io.github.camelzalo.component.zalo.model.event.ZaloEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelzalo.component.zalo.WebhookPoster.APP_ID;
import static io.github.camelzalo.component.zalo.WebhookPoster.CUSTOMER_TEXT;
import static io.github.camelzalo.component.zalo.WebhookPoster.OA_ID;
import static io.github.camelzalo.component.zalo.WebhookPoster.OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.OTHER_OA_ID;
import static io.github.camelzalo.component.zalo.WebhookPoster.OTHER_OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.PREVIOUS_OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code from("zalo:events")} on Camel Main, platform-http on vert.x as camel-platform-http-main sets it up, the
 * component configured by properties only. Every case is a real HTTP POST (or another method) to 127.0.0.1, and
 * asserts the answer a caller gets and what the route saw, or that it saw nothing.
 */
class EventsOnCamelMainTest {

    private static Main main;
    private static WebhookPoster zalo;
    private static final BlockingQueue<Exchange> RECEIVED = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> PROCESSED = new LinkedBlockingQueue<>();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static final AtomicInteger IDS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        int port = WebhookPoster.freePort();
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.zalo.zalo.app-id", APP_ID);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        main.addInitialProperty("camel.component.zalo.zalo.previous-oa-secret-key", PREVIOUS_OA_KEY);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-keys", OTHER_OA_ID + ":" + OTHER_OA_KEY);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events").routeId("events").process(e -> RECEIVED.add(e.copy()));
                from("zalo:events?webhookPath=/zalo/failing").routeId("failing")
                        .errorHandler(noErrorHandler()).process(e -> {
                    String id = e.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class);
                    if (ATTEMPTS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                        throw new IllegalStateException("the downstream system is down");
                    }
                    PROCESSED.add(id);
                });
                from("zalo:events?webhookPath=/zalo/slow&ackTimeout=300").routeId("slow")
                        .errorHandler(noErrorHandler()).process(e -> {
                    Thread.sleep(1200);
                    if (e.getMessage().getBody(MessageEvent.class).getText().equals("fail late")) {
                        throw new IllegalStateException("failed after the answer");
                    }
                    PROCESSED.add("slow:" + e.getMessage().getHeader(ZaloConstants.MESSAGE_ID));
                });
                from("zalo:events?webhookPath=/zalo/small&maxBodySize=512").routeId("small")
                        .process(e -> RECEIVED.add(e.copy()));
                from("zalo:events?webhookPath=/zalo/filtered&events=follow,user_send_*").routeId("filtered")
                        .process(e -> RECEIVED.add(e.copy()));
                from("zalo:events?webhookPath=/zalo/split&oaId=" + OA_ID).routeId("splitA")
                        .process(e -> PROCESSED.add("A:" + e.getMessage().getHeader(ZaloConstants.OA_ID)));
                from("zalo:events?webhookPath=/zalo/split&oaId=" + OTHER_OA_ID).routeId("splitB")
                        .process(e -> PROCESSED.add("B:" + e.getMessage().getHeader(ZaloConstants.OA_ID)));
                from("zalo:events?webhookPath=/zalo/immediate&ackMode=immediate&concurrentConsumers=1"
                     + "&eventQueueSize=1").routeId("immediate").process(e -> {
                         release.await(10, TimeUnit.SECONDS);
                         PROCESSED.add("immediate:" + e.getMessage().getHeader(ZaloConstants.MESSAGE_ID));
                     });
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

    @BeforeEach
    void clear() {
        RECEIVED.clear();
        PROCESSED.clear();
    }

    private static CamelContext context() {
        return main.getCamelContext();
    }

    private static ZaloEventsStats stats(String routeId) {
        return (ZaloEventsStats) context().getRoute(routeId).getConsumer();
    }

    /** Waits up to 5 s for a counter the route's end updates after its last step. */
    private static void awaitCount(java.util.function.LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (count.getAsLong() != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(count.getAsLong()).isEqualTo(expected);
    }

    private static String newId() {
        return "msg-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Test
    void aSignedTextReachesTheRouteTypedWithItsHeadersAndTheRawJson() throws Exception {
        String id = newId();
        long ts = now();
        String body = text(id, CUSTOMER_TEXT, ts);

        HttpResponse<String> answer = zalo.postSigned("/zalo/events", body, ts, OA_KEY);

        assertThat(answer.statusCode()).isEqualTo(200);
        Exchange got = RECEIVED.poll(5, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        MessageEvent event = got.getMessage().getBody(MessageEvent.class);
        assertThat(event.getText()).isEqualTo(CUSTOMER_TEXT);
        assertThat(event.getEventName()).isEqualTo("user_send_text");
        assertThat(event.getAppId()).isEqualTo(APP_ID);
        assertThat(event.getOaId()).isEqualTo(OA_ID);
        assertThat(event.getUserId()).isEqualTo("2468013579135792468");
        assertThat(event.getUserIdByApp()).isEqualTo("5522001133557799");
        assertThat(event.getMessageId()).isEqualTo(id);
        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochMilli(ts));
        assertThat(event.getRawJson()).isEqualTo(body);
        assertThat(event.toString()).doesNotContain(CUSTOMER_TEXT);
        assertThat(got.getMessage().getHeaders()).containsEntry(ZaloConstants.EVENT_NAME, "user_send_text")
                .containsEntry(ZaloConstants.USER_ID, "2468013579135792468")
                .containsEntry(ZaloConstants.OA_ID, OA_ID)
                .containsEntry(ZaloConstants.MESSAGE_ID, id)
                .containsEntry(ZaloConstants.EVENT_TIME, Instant.ofEpochMilli(ts))
                .doesNotContainKey("X-ZEvent-Signature");
        // the answer echoes none of the request's headers
        assertThat(answer.headers().firstValue("X-ZEvent-Signature")).isEmpty();
    }

    @Test
    void theOaPreviousKeyIsAcceptedDuringARotation() throws Exception {
        long ts = now();
        String body = text(newId(), "xin chào", ts);
        assertThat(zalo.postSigned("/zalo/events", body, ts, PREVIOUS_OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void everyBadSignatureIsAnswered401AndNeverReachesTheRoute() throws Exception {
        Map<EventRejection, Long> before = stats("events").getRejected();
        long ts = now();
        String body = text(newId(), CUSTOMER_TEXT, ts);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        // missing
        assertThat(zalo.post("/zalo/events", "POST", "application/json", bytes, null).statusCode()).isEqualTo(401);
        // the key of another OA
        assertThat(zalo.postSigned("/zalo/events", body, ts, OTHER_OA_KEY).statusCode()).isEqualTo(401);
        // the app secret instead of the OA's key, or an HMAC: not Zalo's signature
        assertThat(zalo.postSigned("/zalo/events", body, ts, "zalo-secret-app-1b2c3d4e").statusCode()).isEqualTo(401);
        // one byte of the body changed after signing
        String signature = WebhookPoster.signature(body, ts, OA_KEY);
        byte[] changed = body.replace("4821", "4822").getBytes(StandardCharsets.UTF_8);
        assertThat(zalo.post("/zalo/events", "POST", "application/json", changed, signature).statusCode())
                .isEqualTo(401);
        // signed with another timestamp than the body's
        String otherTs = WebhookPoster.signature(bytes, APP_ID, Long.toString(ts + 1), OA_KEY);
        assertThat(zalo.post("/zalo/events", "POST", "application/json", bytes, otherTs).statusCode()).isEqualTo(401);
        // not mac=...
        assertThat(zalo.post("/zalo/events", "POST", "application/json", bytes, signature.substring(4)).statusCode())
                .isEqualTo(401);

        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        Map<EventRejection, Long> after = stats("events").getRejected();
        assertThat(after.get(EventRejection.MISSING_SIGNATURE) - before.get(EventRejection.MISSING_SIGNATURE))
                .isEqualTo(1);
        assertThat(after.get(EventRejection.BAD_SIGNATURE) - before.get(EventRejection.BAD_SIGNATURE)).isEqualTo(5);
    }

    @Test
    void anEventOfAnOaWithoutAKeyOrOfAnotherAppIsRefused() throws Exception {
        long ts = now();
        String unknownOa = text("1800390000999999", newId(), "xin chào", ts);
        assertThat(zalo.postSigned("/zalo/events", unknownOa, ts, "zalo-secret-oathree-4a4a4a4a").statusCode())
                .isEqualTo(401);
        String otherApp = text(newId(), "xin chào", ts).replace(APP_ID, "1111111111111111111");
        assertThat(zalo.post("/zalo/events", "POST", "application/json", otherApp.getBytes(StandardCharsets.UTF_8),
                WebhookPoster.signature(otherApp.getBytes(StandardCharsets.UTF_8), "1111111111111111111",
                        Long.toString(ts), OA_KEY)).statusCode()).isEqualTo(401);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        // an OA listed in oaSecretKeys is checked with its own key only
        String other = text(OTHER_OA_ID, newId(), "xin chào", ts);
        assertThat(zalo.postSigned("/zalo/events", other, ts, OA_KEY).statusCode()).isEqualTo(401);
        assertThat(zalo.postSigned("/zalo/events", other, ts, OTHER_OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS).getMessage().getHeader(ZaloConstants.OA_ID))
                .isEqualTo(OTHER_OA_ID);
    }

    @Test
    void aReplayOutsideTheWindowIsRefusedAndZalosLastRetryIsAccepted() throws Exception {
        long fourHoursAgo = now() - 4 * 3600_000L;
        String old = text(newId(), "xin chào", fourHoursAgo);
        assertThat(zalo.postSigned("/zalo/events", old, fourHoursAgo, OA_KEY).statusCode()).isEqualTo(401);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        // Zalo's fifth retry comes about 2 h after the first try, with the first try's timestamp
        long twoHoursAgo = now() - (2 * 3600_000L + 60_000L);
        String retry = text(newId(), "xin chào", twoHoursAgo);
        assertThat(zalo.postSigned("/zalo/events", retry, twoHoursAgo, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(stats("events").getRejected().get(EventRejection.STALE)).isPositive();
    }

    @Test
    void aBodyOverTheLimitIsAnswered413OnItsLengthAndWhenItHasNone() throws Exception {
        long ts = now();
        String big = text(newId(), "x".repeat(600), ts);
        assertThat(zalo.postSigned("/zalo/small", big, ts, OA_KEY).statusCode()).isEqualTo(413);
        // chunked: no Content-Length, the body itself is too long
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(zalo.url("/zalo/small")))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", WebhookPoster.signature(big, ts, OA_KEY))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertThat(zalo.send(chunked).statusCode()).isEqualTo(413);
        // a small one passes the same endpoint
        String small = text(newId(), "xin chào", ts);
        assertThat(zalo.postSigned("/zalo/small", small, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS).getMessage().getBody(MessageEvent.class).getText())
                .isEqualTo("xin chào");
        assertThat(RECEIVED.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(stats("small").getRejected().get(EventRejection.TOO_LARGE)).isEqualTo(2);
    }

    @Test
    void onlyPostsOfJsonThatIsAZaloEventAreTaken() throws Exception {
        long ts = now();
        byte[] body = text(newId(), "xin chào", ts).getBytes(StandardCharsets.UTF_8);
        String signature = WebhookPoster.signature(body, APP_ID, Long.toString(ts), OA_KEY);

        HttpResponse<String> get = zalo.post("/zalo/events", "GET", null, null, null);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(zalo.post("/zalo/events", "PUT", "application/json", body, signature).statusCode()).isEqualTo(405);
        assertThat(zalo.post("/zalo/events", "POST", "text/plain", body, signature).statusCode()).isEqualTo(415);
        assertThat(zalo.post("/zalo/events", "POST", null, body, signature).statusCode()).isEqualTo(415);
        for (String malformed : List.of("{\"app_id\":", "[1,2,3]", "\"text\"",
                "{\"app_id\":\"" + APP_ID + "\",\"timestamp\":\"" + ts + "\"}",
                "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"follow\",\"timestamp\":\"yesterday\"}",
                "{\"app_id\":\"1\",\"app_id\":\"2\",\"event_name\":\"follow\",\"timestamp\":\"" + ts + "\"}")) {
            byte[] bytes = malformed.getBytes(StandardCharsets.UTF_8);
            assertThat(zalo.post("/zalo/events", "POST", "application/json; charset=utf-8", bytes, signature)
                    .statusCode()).as(malformed).isEqualTo(400);
        }
        assertThat(zalo.post("/zalo/events", "POST", "application/json", new byte[0], signature).statusCode())
                .isEqualTo(400);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        // with a charset, and the same body properly sent: taken
        assertThat(zalo.post("/zalo/events", "POST", "application/json; charset=UTF-8", body, signature).statusCode())
                .isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aDuplicateIsAnswered200AndReachesTheRouteOnce() throws Exception {
        long duplicatesBefore = stats("events").getDuplicates();
        String id = newId();
        long ts = now();
        String body = text(id, "xin chào", ts);
        assertThat(zalo.postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(zalo.postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        // the same message again, as Zalo's retry sends it (num_retry header)
        HttpRequest retry = HttpRequest.newBuilder(URI.create(zalo.url("/zalo/events")))
                .header("Content-Type", "application/json").header("num_retry", "1")
                .header("X-ZEvent-Signature", WebhookPoster.signature(body, ts, OA_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(zalo.send(retry).statusCode()).isEqualTo(200);

        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS).getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo(id);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(stats("events").getDuplicates() - duplicatesBefore).isEqualTo(2);
    }

    @Test
    void anUnknownEventArrivesAsTheBaseTypeWithItsJson() throws Exception {
        long ts = now();
        String body = WebhookPoster.event("user_tapped_something_new",
                "\"sender\":{\"id\":\"2468013579135792468\"},\"recipient\":{\"id\":\"" + OA_ID
                                                              + "\"},\"extra\":{\"a\":[1,2]}",
                ts);
        assertThat(zalo.postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        Exchange got = RECEIVED.poll(5, TimeUnit.SECONDS);
        ZaloEvent event = got.getMessage().getBody(ZaloEvent.class);
        assertThat(event.getClass()).isEqualTo(ZaloEvent.class);
        assertThat(event.getEventName()).isEqualTo("user_tapped_something_new");
        assertThat(event.getRawJson()).isEqualTo(body);
        assertThat(event.getUserId()).isEqualTo("2468013579135792468");
    }

    @Test
    void aDeliveryReceiptCarriesTheZnsTrackingIdAsAHeader() throws Exception {
        long ts = now();
        String body = WebhookPoster.event("user_received_message", "\"sender\":{\"id\":\"" + OA_ID
                                                                   + "\"},\"recipient\":{\"id\":\"2468013579135792468\"},"
                                                                   + "\"message\":{\"msg_id\":\"zns-81\",\"tracking_id\":\"order-5521\"}",
                ts);
        assertThat(zalo.postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        Exchange got = RECEIVED.poll(5, TimeUnit.SECONDS);
        assertThat(got.getMessage().getBody()).isInstanceOf(DeliveryEvent.class);
        assertThat(got.getMessage().getHeaders()).containsEntry(ZaloConstants.TRACKING_ID, "order-5521")
                .containsEntry(ZaloConstants.MESSAGE_ID, "zns-81").containsEntry(ZaloConstants.OA_ID, OA_ID)
                .containsEntry(ZaloConstants.USER_ID, "2468013579135792468");
    }

    @Test
    void eventsTheRouteDoesNotTakeAreAnswered200AndDropped() throws Exception {
        long ts = now();
        String receipt = WebhookPoster.event("user_received_message", "\"sender\":{\"id\":\"" + OA_ID
                                                                      + "\"},\"recipient\":{\"id\":\"24680\"},\"message\":{\"msg_id\":\"m-1\"}",
                ts);
        assertThat(zalo.postSigned("/zalo/filtered", receipt, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        String follow = WebhookPoster.event("follow", "\"oa_id\":\"" + OA_ID + "\",\"follower\":{\"id\":\"24680\"},"
                                                      + "\"source\":\"qr_code\"",
                ts);
        assertThat(zalo.postSigned("/zalo/filtered", follow, ts, OA_KEY).statusCode()).isEqualTo(200);
        String image = WebhookPoster.event("user_send_image", "\"sender\":{\"id\":\"24680\"},\"recipient\":{\"id\":\""
                                                              + OA_ID + "\"},\"message\":{\"msg_id\":\"" + newId()
                                                              + "\",\"attachments\":[{\"type\":\"image\",\"payload\":"
                                                              + "{\"url\":\"https://zalo.example/p.jpg\"}}]}",
                ts);
        assertThat(zalo.postSigned("/zalo/filtered", image, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS).getMessage().getHeader(ZaloConstants.EVENT_NAME))
                .isEqualTo("follow");
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS).getMessage().getBody(MessageEvent.class).getAttachments()
                .get(0).getUrl()).isEqualTo("https://zalo.example/p.jpg");
        assertThat(stats("filtered").getFiltered()).isEqualTo(1);
    }

    @Test
    void consumersOnOnePathSplitTheEventsByOa() throws Exception {
        long ts = now();
        assertThat(zalo.postSigned("/zalo/split", text(OA_ID, newId(), "a", ts), ts, OA_KEY).statusCode())
                .isEqualTo(200);
        assertThat(zalo.postSigned("/zalo/split", text(OTHER_OA_ID, newId(), "b", ts), ts, OTHER_OA_KEY)
                .statusCode()).isEqualTo(200);
        assertThat(List.of(PROCESSED.poll(5, TimeUnit.SECONDS), PROCESSED.poll(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("A:" + OA_ID, "B:" + OTHER_OA_ID);
    }

    @Test
    void aVerifiedEventOfAnOaNoConsumerTakesIsDroppedWithAWarningOncePerOa() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            long ts = now();
            String third = "1800390000999999";
            for (int i = 0; i < 2; i++) {
                assertThat(zalo.postSigned("/zalo/split", text(third, newId(), "c", ts), ts, OA_KEY).statusCode())
                        .isEqualTo(200);
            }
            assertThat(PROCESSED.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(stats("splitA").getUnclaimed()).isEqualTo(2);
            assertThat(log.atLeast(Level.WARN)).filteredOn(l -> l.contains(third)).singleElement()
                    .satisfies(l -> assertThat(l).contains("none of its consumers takes", "/zalo/split"));
        }
    }

    @Test
    void aFailingRouteIsAnswered500AndTheEventIsProcessedOnTheRetryExactlyOnce() throws Exception {
        String id = newId();
        long ts = now();
        String body = text(id, "xin chào", ts);
        HttpResponse<String> first = zalo.postSigned("/zalo/failing", body, ts, OA_KEY);
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("downstream");
        assertThat(zalo.postSigned("/zalo/failing", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(zalo.postSigned("/zalo/failing", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo(id);
        assertThat(PROCESSED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(ATTEMPTS.get(id)).hasValue(2);
        assertThat(stats("failing").getFailed()).isEqualTo(1);
        awaitCount(() -> stats("failing").getCompleted(), 1);
        assertThat(stats("failing").getDuplicates()).isEqualTo(1);
    }

    @Test
    void aSlowRouteGets200AtTheAckTimeoutAndGoesOn() throws Exception {
        long lateBefore = stats("slow").getAckedLate();
        long completedBefore = stats("slow").getCompleted();
        String id = newId();
        long ts = now();
        long t0 = System.nanoTime();
        HttpResponse<String> answer = zalo.postSigned("/zalo/slow", text(id, "xin chào", ts), ts, OA_KEY);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(millis).as("answered at the ack timeout (300 ms), before the route's 1200 ms").isBetween(250L, 1100L);
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("slow:" + id);
        assertThat(stats("slow").getAckedLate() - lateBefore).isEqualTo(1);
        // the route's last step has run; its end is counted a moment later, on the same thread
        awaitCount(() -> stats("slow").getCompleted() - completedBefore, 1);
    }

    @Test
    void aSlowRouteThatFailsAfterItsAnswerIsCountedAndNamedInAWarning() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            String id = newId();
            long ts = now();
            assertThat(zalo.postSigned("/zalo/slow", text(id, "fail late", ts), ts, OA_KEY).statusCode())
                    .isEqualTo(200);
            long deadline = System.currentTimeMillis() + 5000;
            while (stats("slow").getFailedAfterAck() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(stats("slow").getFailedAfterAck()).isEqualTo(1);
            assertThat(log.atLeast(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .contains("user_send_text:" + id, "Zalo will not send it again", "IllegalStateException"));
        }
    }

    @Test
    void theImmediateModeAnswersAtOnceAndRefusesClearlyWhenItsQueueIsFull() throws Exception {
        release = new CountDownLatch(1);
        long ts = now();
        String running = newId();
        String queued = newId();
        String refused = newId();
        long t0 = System.nanoTime();
        assertThat(zalo.postSigned("/zalo/immediate", text(running, "a", ts), ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("answered before the route ends").isLessThan(2000);
        // wait until the first occupies the one thread, so that the next waits in the queue of 1
        long deadline = System.currentTimeMillis() + 5000;
        while (stats("immediate").getInFlight() != 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(zalo.postSigned("/zalo/immediate", text(queued, "b", ts), ts, OA_KEY).statusCode()).isEqualTo(200);
        HttpResponse<String> full = zalo.postSigned("/zalo/immediate", text(refused, "c", ts), ts, OA_KEY);
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).contains("1");
        assertThat(stats("immediate").getRefusedWhenFull()).isEqualTo(1);

        release.countDown();
        assertThat(List.of(PROCESSED.poll(5, TimeUnit.SECONDS), PROCESSED.poll(5, TimeUnit.SECONDS)))
                .containsExactly("immediate:" + running, "immediate:" + queued);
        // the refused one was not kept as seen: Zalo's retry is processed
        assertThat(zalo.postSigned("/zalo/immediate", text(refused, "c", ts), ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("immediate:" + refused);
    }

    @Test
    void nothingOfTheOaKeyOrACustomersTextIsLoggedAtInfo() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            long ts = now();
            String body = text(newId(), CUSTOMER_TEXT, ts);
            zalo.postSigned("/zalo/events", body, ts, OA_KEY);
            zalo.postSigned("/zalo/events", body, ts, OA_KEY);
            zalo.postSigned("/zalo/events", body, ts, OTHER_OA_KEY);
            zalo.postSigned("/zalo/failing", text(newId(), CUSTOMER_TEXT, ts), ts, OA_KEY);
            assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(String.join("\n", log.atLeast(Level.INFO))).doesNotContain(CUSTOMER_TEXT, OA_KEY, OTHER_OA_KEY);
            assertThat(log.text()).doesNotContain(OA_KEY, OTHER_OA_KEY, PREVIOUS_OA_KEY);
        }
    }
}
