package io.github.camelzalo.component.zalo;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelzalo.component.zalo.events.LeasedIdempotentRepository;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.management.ZaloEventListener;
import io.github.camelzalo.component.zalo.management.ZaloEventOutcome;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.main.Main;
import org.apache.camel.support.DefaultConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelzalo.component.zalo.WebhookPoster.OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code zalo:events} answers a delivery of an event whose first delivery is still in flight, on Camel Main over
 * real HTTP. With a shared repository that tells a leased key from a confirmed one ({@link LeasedIdempotentRepository},
 * as the Redis and JDBC ones do; here an in-memory stand-in for the shared store), the delivery is refused with 503, so
 * that Zalo sends it again: should the route fail or its replica die, that retry is processed; once the route
 * succeeded, a delivery is a duplicate (200). With Camel's in-memory repository (the default) a duplicate is answered
 * 200 at once, as before.
 */
class EventsInFlightTest {

    private static final SharedStore SHARED = new SharedStore();
    private static final List<ZaloEventOutcome> OUTCOMES = new CopyOnWriteArrayList<>();
    private static final BlockingQueue<String> PROCESSED = new LinkedBlockingQueue<>();
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static Main main;
    private static WebhookPoster zalo;

    @BeforeAll
    static void start() throws Exception {
        int port = WebhookPoster.freePort();
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.zalo.zalo.app-id", WebhookPoster.APP_ID);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        main.bind("shared", SHARED);
        main.bind("outcomes", (ZaloEventListener) OUTCOMES::add);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?webhookPath=/zalo/shared&idempotentRepository=#shared&ackTimeout=20000")
                        .routeId("shared").errorHandler(noErrorHandler()).process(e -> route(e.getMessage()
                                .getBody(MessageEvent.class), "shared"));
                from("zalo:events?webhookPath=/zalo/memory&ackTimeout=20000").routeId("memory")
                        .errorHandler(noErrorHandler()).process(e -> route(e.getMessage()
                                .getBody(MessageEvent.class), "memory"));
            }
        });
        main.start();
        zalo = new WebhookPoster(port);
    }

    /** Holds while {@link #release} is closed; fails on its first run when the text says "fail". */
    private static void route(MessageEvent event, String where) throws Exception {
        int run = RUNS.computeIfAbsent(event.getMessageId(), k -> new AtomicInteger()).incrementAndGet();
        assertThat(release.await(15, TimeUnit.SECONDS)).isTrue();
        if (event.getText().equals("fail") && run == 1) {
            throw new IllegalStateException("the CRM is down for a moment");
        }
        PROCESSED.add(where + ":" + event.getMessageId());
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
        PROCESSED.clear();
        OUTCOMES.clear();
    }

    private static ZaloEventsStats stats(String routeId) {
        return (ZaloEventsStats) main.getCamelContext().getRoute(routeId).getConsumer();
    }

    private static Map<String, Object> health(String routeId) {
        HealthCheck check = ((DefaultConsumer) main.getCamelContext().getRoute(routeId).getConsumer()).getHealthCheck();
        return check.call().getDetails();
    }

    private static String newId() {
        return "inflight-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    private static HttpResponse<String> deliver(String path, String id, String text) {
        long ts = System.currentTimeMillis();
        return zalo.postSigned(path, text(id, text, ts), ts, OA_KEY);
    }

    /** Delivers the event and waits until its route runs (and holds). */
    private static CompletableFuture<HttpResponse<String>> deliverAndHold(String path, String id, String text)
            throws InterruptedException {
        release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> deliver(path, id, text));
        long deadline = System.currentTimeMillis() + 5000;
        while (!RUNS.containsKey(id) && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(RUNS).as("the route runs").containsKey(id);
        return first;
    }

    @Test
    void aDeliveryOfAnEventInFlightIsAnswered503AndOneOfAnEventProcessed200() throws Exception {
        long refusedBefore = stats("shared").getRefusedInFlight();
        long duplicatesBefore = stats("shared").getDuplicates();
        String id = newId();
        CompletableFuture<HttpResponse<String>> first = deliverAndHold("/zalo/shared", id, "xin chào");

        HttpResponse<String> whileInFlight = deliver("/zalo/shared", id, "xin chào");

        assertThat(whileInFlight.statusCode()).isEqualTo(503);
        assertThat(whileInFlight.headers().firstValue("Retry-After")).isPresent();
        assertThat(whileInFlight.body()).isEqualTo("in flight: send it again later");
        assertThat(first).isNotDone();
        assertThat(stats("shared").getRefusedInFlight() - refusedBefore).isEqualTo(1);
        assertThat(stats("shared").getDuplicates()).isEqualTo(duplicatesBefore);
        assertThat(health("shared")).containsEntry("refusedInFlight", refusedBefore + 1);
        assertThat(OUTCOMES).filteredOn(o -> o.outcome().equals(ZaloEventOutcome.REFUSED_IN_FLIGHT)).singleElement()
                .satisfies(o -> {
                    assertThat(o.path()).isEqualTo("/zalo/shared");
                    assertThat(o.eventName()).isEqualTo("user_send_text");
                });

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(SHARED.isConfirmed("user_send_text:" + id)).isTrue();
        // Zalo's retry of the refused delivery: the event was processed, so now it is a duplicate
        assertThat(deliver("/zalo/shared", id, "xin chào").statusCode()).isEqualTo(200);

        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("shared:" + id);
        assertThat(PROCESSED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(RUNS.get(id)).hasValue(1);
        assertThat(stats("shared").getDuplicates() - duplicatesBefore).isEqualTo(1);
        assertThat(stats("shared").getRefusedInFlight() - refusedBefore).isEqualTo(1);
    }

    @Test
    void whenTheRouteInFlightFailsTheRetryOfTheRefusedDeliveryIsProcessedOnce() throws Exception {
        String id = newId();
        CompletableFuture<HttpResponse<String>> first = deliverAndHold("/zalo/shared", id, "fail");
        assertThat(deliver("/zalo/shared", id, "fail").statusCode()).isEqualTo(503);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        assertThat(SHARED.contains("user_send_text:" + id)).as("the key was given back").isFalse();
        // Zalo sends both deliveries again: one is processed, the other is then a duplicate
        assertThat(deliver("/zalo/shared", id, "fail").statusCode()).isEqualTo(200);
        assertThat(deliver("/zalo/shared", id, "fail").statusCode()).isEqualTo(200);

        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("shared:" + id);
        assertThat(PROCESSED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(RUNS.get(id)).hasValue(2);
    }

    @Test
    void anEventLeasedByAReplicaThatDiedIsRefusedUntilTheLeaseEndsThenProcessed() throws Exception {
        String id = newId();
        String key = "user_send_text:" + id;
        // another replica took the key and died mid-route: neither confirm nor remove will come
        assertThat(SHARED.add(key)).isTrue();

        assertThat(deliver("/zalo/shared", id, "xin chào").statusCode()).isEqualTo(503);
        assertThat(deliver("/zalo/shared", id, "xin chào").statusCode()).isEqualTo(503);
        assertThat(RUNS).doesNotContainKey(id);

        SHARED.leaseEnds(key);
        assertThat(deliver("/zalo/shared", id, "xin chào").statusCode()).isEqualTo(200);

        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("shared:" + id);
        assertThat(SHARED.isConfirmed(key)).isTrue();
        assertThat(deliver("/zalo/shared", id, "xin chào").statusCode()).isEqualTo(200);
        assertThat(PROCESSED.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(RUNS.get(id)).hasValue(1);
    }

    @Test
    void withCamelsInMemoryRepositoryADeliveryOfAnEventInFlightIsStillADuplicate() throws Exception {
        long duplicatesBefore = stats("memory").getDuplicates();
        String id = newId();
        CompletableFuture<HttpResponse<String>> first = deliverAndHold("/zalo/memory", id, "xin chào");

        assertThat(deliver("/zalo/memory", id, "xin chào").statusCode()).isEqualTo(200);
        assertThat(first).isNotDone();
        assertThat(stats("memory").getDuplicates() - duplicatesBefore).isEqualTo(1);
        assertThat(stats("memory").getRefusedInFlight()).isZero();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(PROCESSED.poll(5, TimeUnit.SECONDS)).isEqualTo("memory:" + id);
        assertThat(RUNS.get(id)).hasValue(1);
    }

    /**
     * The shared store as the consumer sees it: a key is leased by {@code add}, done by {@code confirm}, gone by
     * {@code remove} or when its lease ends ({@link #leaseEnds}, which the Redis and JDBC stores do after
     * {@code inFlightLease}).
     */
    static final class SharedStore implements LeasedIdempotentRepository {
        private final Map<String, Boolean> confirmed = new ConcurrentHashMap<>();

        @Override
        public boolean add(String key) {
            return confirmed.putIfAbsent(key, false) == null;
        }

        @Override
        public boolean isConfirmed(String key) {
            return confirmed.getOrDefault(key, false);
        }

        @Override
        public boolean contains(String key) {
            return confirmed.containsKey(key);
        }

        @Override
        public boolean remove(String key) {
            return confirmed.remove(key) != null;
        }

        @Override
        public boolean confirm(String key) {
            return confirmed.replace(key, true) != null;
        }

        void leaseEnds(String key) {
            confirmed.remove(key, false);
        }

        @Override
        public void clear() {
            confirmed.clear();
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    }
}
