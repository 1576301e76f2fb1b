package io.github.camelzalo.component.zalo.springboot;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.events.EventRejection;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import io.github.camelzalo.component.zalo.model.event.ZaloEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code from("zalo:events")} in a Spring Boot application with camel-platform-http-starter, on the application's
 * own web server at a random port, configured by {@code camel.component.zalo.zalo.*} properties. Real HTTP requests,
 * as Zalo sends them and as it must not be fooled.
 */
@SpringBootTest(classes = ZaloEventsStarterTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.zalo.zalo.app-id=" + ZaloEventsStarterTest.APP_ID,
                        "camel.component.zalo.zalo.oa-secret-key=" + ZaloEventsStarterTest.OA_KEY,
                        "camel.component.zalo.zalo.previous-oa-secret-key=" + ZaloEventsStarterTest.OLD_KEY })
class ZaloEventsStarterTest {

    static final String APP_ID = "2771862381437218000";
    static final String OA_ID = "1600190000752846";
    static final String OA_KEY = "zalo-secret-oa-5e7a91c4";
    static final String OLD_KEY = "zalo-secret-oaold-77b2e0d1";
    static final String CUSTOMER_TEXT = "Cho tôi hỏi đơn hàng riêng tư số 4821";

    static final BlockingQueue<Exchange> RECEIVED = new LinkedBlockingQueue<>();
    static final BlockingQueue<String> PROCESSED = new LinkedBlockingQueue<>();
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    static volatile CountDownLatch release = new CountDownLatch(0);
    private static final AtomicInteger IDS = new AtomicInteger();

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder eventRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("zalo:events").routeId("events").process(e -> RECEIVED.add(e.copy()));
                    from("zalo:events?webhookPath=/zalo/small&maxBodySize=512").routeId("small")
                            .process(e -> RECEIVED.add(e.copy()));
                    from("zalo:events?webhookPath=/zalo/failing").routeId("failing").errorHandler(noErrorHandler())
                            .process(e -> {
                                String id = e.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class);
                                if (ATTEMPTS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                                    throw new IllegalStateException("the downstream system is down");
                                }
                                PROCESSED.add(id);
                            });
                    from("zalo:events?webhookPath=/zalo/slow&ackTimeout=300").routeId("slow").process(e -> {
                        Thread.sleep(1200);
                        PROCESSED.add("slow:" + e.getMessage().getHeader(ZaloConstants.MESSAGE_ID));
                    });
                    from("zalo:events?webhookPath=/zalo/immediate&ackMode=immediate&concurrentConsumers=1"
                         + "&eventQueueSize=0").routeId("immediate").process(e -> {
                             release.await(10, TimeUnit.SECONDS);
                             PROCESSED.add("immediate:" + e.getMessage().getHeader(ZaloConstants.MESSAGE_ID));
                         });
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void clear() {
        RECEIVED.clear();
        PROCESSED.clear();
    }

    private ZaloEventsStats stats(String routeId) {
        return (ZaloEventsStats) camelContext.getRoute(routeId).getConsumer();
    }

    private static String newId() {
        return "boot-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    static String text(String msgId, String text, long ts) {
        return "{\"app_id\":\"" + APP_ID + "\",\"sender\":{\"id\":\"2468013579135792468\"},\"recipient\":{\"id\":\""
               + OA_ID + "\"},\"event_name\":\"user_send_text\",\"message\":{\"msg_id\":\"" + msgId + "\",\"text\":\""
               + text + "\"},\"timestamp\":\"" + ts + "\"}";
    }

    static String sign(byte[] body, String timestamp, String key) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(APP_ID.getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        sha.update((timestamp + key).getBytes(StandardCharsets.UTF_8));
        return "mac=" + HexFormat.of().formatHex(sha.digest());
    }

    private HttpResponse<String> post(String path, String method, String type, byte[] body, String signature)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (signature != null) {
            b.header("X-ZEvent-Signature", signature);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSigned(String path, String body, long ts, String key) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(path, "POST", "application/json", bytes, sign(bytes, Long.toString(ts), key));
    }

    @Test
    void aSignedEventReachesTheRouteTypedAndEveryBadSignatureIsRefused() throws Exception {
        Map<EventRejection, Long> before = stats("events").getRejected();
        String id = newId();
        long ts = System.currentTimeMillis();
        String body = text(id, CUSTOMER_TEXT, ts);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(post("/zalo/events", "POST", "application/json", bytes, null).statusCode()).isEqualTo(401);
        assertThat(postSigned("/zalo/events", body, ts, "zalo-secret-oatwo-90ac11f3").statusCode()).isEqualTo(401);
        byte[] changed = body.replace("4821", "4822").getBytes(StandardCharsets.UTF_8);
        assertThat(post("/zalo/events", "POST", "application/json", changed, sign(bytes, Long.toString(ts), OA_KEY))
                .statusCode()).isEqualTo(401);
        assertThat(post("/zalo/events", "POST", "application/json", bytes, sign(bytes, Long.toString(ts + 1), OA_KEY))
                .statusCode()).isEqualTo(401);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();

        // the raw bytes as sent are verified, Vietnamese text (multi-byte UTF-8) included
        assertThat(postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        Exchange got = RECEIVED.poll(5, TimeUnit.SECONDS);
        MessageEvent event = got.getMessage().getBody(MessageEvent.class);
        assertThat(event.getText()).isEqualTo(CUSTOMER_TEXT);
        assertThat(event.getRawJson()).isEqualTo(body);
        assertThat(got.getMessage().getHeaders()).containsEntry(ZaloConstants.USER_ID, "2468013579135792468")
                .containsEntry(ZaloConstants.OA_ID, OA_ID).containsEntry(ZaloConstants.MESSAGE_ID, id)
                .containsEntry(ZaloConstants.EVENT_NAME, "user_send_text");
        // the previous key of a rotation
        String other = text(newId(), "xin chào", ts);
        assertThat(postSigned("/zalo/events", other, ts, OLD_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
        Map<EventRejection, Long> rejected = stats("events").getRejected();
        assertThat(rejected.get(EventRejection.MISSING_SIGNATURE) - before.get(EventRejection.MISSING_SIGNATURE))
                .isEqualTo(1);
        assertThat(rejected.get(EventRejection.BAD_SIGNATURE) - before.get(EventRejection.BAD_SIGNATURE)).isEqualTo(3);
    }

    @Test
    void replaysOversizedBodiesOtherMethodsTypesAndMalformedJsonAreRefused() throws Exception {
        long old = System.currentTimeMillis() - 4 * 3600_000L;
        assertThat(postSigned("/zalo/events", text(newId(), "cũ", old), old, OA_KEY).statusCode()).isEqualTo(401);

        long ts = System.currentTimeMillis();
        String big = text(newId(), "x".repeat(600), ts);
        assertThat(postSigned("/zalo/small", big, ts, OA_KEY).statusCode()).isEqualTo(413);
        byte[] bigBytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/zalo/small"))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", sign(bigBytes, Long.toString(ts), OA_KEY))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigBytes))).build();
        assertThat(client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);

        byte[] body = text(newId(), "xin chào", ts).getBytes(StandardCharsets.UTF_8);
        String signature = sign(body, Long.toString(ts), OA_KEY);
        assertThat(post("/zalo/events", "GET", null, null, null).statusCode()).isEqualTo(405);
        assertThat(post("/zalo/events", "PUT", "application/json", body, signature).statusCode()).isEqualTo(405);
        assertThat(post("/zalo/events", "POST", "text/plain", body, signature).statusCode()).isEqualTo(415);
        for (String malformed : List.of("{\"app_id\":", "[1]", "{\"app_id\":\"" + APP_ID + "\"}")) {
            assertThat(post("/zalo/events", "POST", "application/json", malformed.getBytes(StandardCharsets.UTF_8),
                    signature).statusCode()).as(malformed).isEqualTo(400);
        }
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        Map<EventRejection, Long> rejected = stats("small").getRejected();
        assertThat(rejected.get(EventRejection.TOO_LARGE)).isEqualTo(2);
    }

    @Test
    void duplicatesAndUnknownEventsAreAnswered200AndAFailedEventIsProcessedOnTheRetryOnce() throws Exception {
        long ts = System.currentTimeMillis();
        String body = text(newId(), "xin chào", ts);
        assertThat(postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(postSigned("/zalo/events", body, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).isNull();

        String unknown = "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"brand_new_event\",\"recipient\":{\"id\":\""
                         + OA_ID + "\"},\"timestamp\":\"" + ts + "\"}";
        assertThat(postSigned("/zalo/events", unknown, ts, OA_KEY).statusCode()).isEqualTo(200);
        ZaloEvent event = RECEIVED.poll(5, TimeUnit.SECONDS).getMessage().getBody(ZaloEvent.class);
        assertThat(event.getClass()).isEqualTo(ZaloEvent.class);
        assertThat(event.getRawJson()).isEqualTo(unknown);

        String id = newId();
        String failing = text(id, "xin chào", ts);
        assertThat(postSigned("/zalo/failing", failing, ts, OA_KEY).statusCode()).isEqualTo(500);
        assertThat(postSigned("/zalo/failing", failing, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(postSigned("/zalo/failing", failing, ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo(id);
        assertThat(PROCESSED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(ATTEMPTS.get(id)).hasValue(2);
    }

    @Test
    void theAckModesAnswerAtTheBudgetOrAtOnceAndRefuseWhenFull() throws Exception {
        long ts = System.currentTimeMillis();
        String id = newId();
        long t0 = System.nanoTime();
        assertThat(postSigned("/zalo/slow", text(id, "chậm", ts), ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 1100L);
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("slow:" + id);
        assertThat(stats("slow").getAckedLate()).isEqualTo(1);

        release = new CountDownLatch(1);
        String running = newId();
        t0 = System.nanoTime();
        assertThat(postSigned("/zalo/immediate", text(running, "a", ts), ts, OA_KEY).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        long deadline = System.currentTimeMillis() + 5000;
        while (stats("immediate").getInFlight() != 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        HttpResponse<String> full = postSigned("/zalo/immediate", text(newId(), "b", ts), ts, OA_KEY);
        assertThat(full.statusCode()).isEqualTo(503);
        release.countDown();
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("immediate:" + running);
        assertThat(stats("immediate").getRefusedWhenFull()).isEqualTo(1);
    }

    @Test
    void neitherTheOaKeyNorACustomersTextIsLoggedAtInfoNorTheKeyAtDebug() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        List<ILoggingEvent> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        ch.qos.logback.core.AppenderBase<ILoggingEvent> appender = new ch.qos.logback.core.AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event);
            }
        };
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try {
            long ts = System.currentTimeMillis();
            String body = text(newId(), CUSTOMER_TEXT, ts);
            postSigned("/zalo/events", body, ts, OA_KEY);
            postSigned("/zalo/events", body, ts, OA_KEY);
            postSigned("/zalo/events", body, ts, "zalo-secret-oatwo-90ac11f3");
            assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isNotNull();
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        assertThat(lines).as("DEBUG lines were captured").isNotEmpty();
        for (ILoggingEvent e : lines) {
            String line = e.getFormattedMessage();
            assertThat(line).doesNotContain(OA_KEY, OLD_KEY);
            if (e.getLevel().isGreaterOrEqual(Level.INFO)) {
                assertThat(line).doesNotContain(CUSTOMER_TEXT);
            }
        }
    }
}
