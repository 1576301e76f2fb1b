package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.event.DeliveryEvent;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import io.github.camelzalo.component.zalo.model.event.SeenEvent;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code from("zalo:events")} on Camel Main (platform-http on vert.x) receiving the sandbox's webhooks, signed as Zalo
 * signs them, retried on Zalo's schedule (scaled down), duplicated and reordered on request: nothing is lost, nothing
 * is processed twice.
 */
class EventsAgainstSandboxTest {

    private static final String NGHIA = "0981234980";
    private static final String NGHIA_ZALO = "8941234567136201";
    private static final String BICH = "0912345678";

    private ZaloSandbox sandbox;
    private Main main;
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Exchange> joined = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The sandbox with its sample customers, delivering to a Camel Main application that runs {@code routes}. */
    private void start(int webhookConcurrency, RouteBuilder routes) throws Exception {
        sandbox = ZaloSandbox.builder().port(0).sampleData()
                .webhookConcurrency(webhookConcurrency)
                // Zalo's 30 s, 5 min, ... as 30 ms, 300 ms, ...
                .webhookRetryScale(0.001)
                .build().start();
        // chosen once the sandbox holds its own port, which a port free a moment before could otherwise become
        int port = freePort();
        sandbox.webhooks().setUrl("http://127.0.0.1:" + port + "/zalo/events");
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.zalo.oa-id", sandbox.oaId());
        main.addInitialProperty("camel.component.zalo.zalo.app-id", sandbox.appId());
        main.addInitialProperty("camel.component.zalo.zalo.app-secret", sandbox.appSecret());
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", sandbox.oa().secretKey());
        main.addInitialProperty("camel.component.zalo.zalo.oauth-base-url", sandbox.zaloOauthBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.open-api-base-url", sandbox.zaloOpenApiBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.business-base-url", sandbox.zaloBusinessBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.refresh-token",
                sandbox.issueTokens(sandbox.oaId()).refreshToken());
        main.bind("zaloTokens", new InMemoryTokenStore());
        main.configure().addRoutesBuilder(routes);
        main.start();
    }

    private ZaloEventsStats stats() {
        return (ZaloEventsStats) main.getCamelContext().getRoute("events").getConsumer();
    }

    private void count(Exchange e) {
        processed.computeIfAbsent(e.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class),
                k -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void aRouteThatThrowsOnceGetsTheEventAgainOnZalosRetryAndProcessesItExactlyOnce() throws Exception {
        start(4, new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?events=user_send_text").routeId("events").errorHandler(noErrorHandler())
                        .process(e -> {
                            String id = e.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class);
                            if (failedOnce.add(id)) {
                                throw new IllegalStateException("the CRM is down for a moment");
                            }
                            count(e);
                        });
            }
        });

        String msgId = sandbox.actAs(NGHIA).writes("Cho tôi hỏi đơn hàng DH1001");

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        WebhookDelivery delivery = sandbox.webhooks().deliveries().stream()
                .filter(d -> msgId.equals(d.event().msgId())).findFirst().orElseThrow();
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::httpStatus).containsExactly(500, 200);
        assertThat(delivery.attempts().get(1).numRetry()).isEqualTo(1);
        assertThat(processed).containsOnlyKeys(msgId);
        assertThat(processed.get(msgId)).hasValue(1);
        assertThat(stats().getFailed()).isEqualTo(1);
        assertThat(stats().getCompleted()).isEqualTo(1);
    }

    @Test
    void duplicatesAndOutOfOrderDeliveriesAreProcessedOnceEach() throws Exception {
        start(8, new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?events=user_send_*").routeId("events").process(e -> count(e));
            }
        });
        sandbox.webhooks().duplicateNext(20);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(sandbox.actAs(i % 2 == 0 ? NGHIA : BICH).writes("Tin nhắn " + i));
        }
        sandbox.webhooks().reverseNext(10);
        for (int i = 0; i < 10; i++) {
            ids.add(sandbox.actAs(NGHIA).sendsImage("https://shop.example.vn/anh/" + i + ".jpg"));
        }
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(sandbox.webhooks().deliveries()).hasSize(50)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED));
        assertThat(processed.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(processed.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(stats().getDuplicates()).isEqualTo(20);
    }

    /**
     * The 5,000-event burst: each acknowledged within Zalo's 2 s on its first try, all processed, none twice. The
     * figures (answer times, events per second) are printed for the release notes.
     */
    @Test
    void fiveThousandEventsInABurstAreAllAcknowledgedWithinTwoSecondsAndProcessedOnce() throws Exception {
        start(64, new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?events=user_send_text").routeId("events").process(e -> count(e));
            }
        });
        int events = 5000;
        List<String> phones = List.of(NGHIA, BICH, "0987654321", "0934567890", "0903456789");
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            ids.add(sandbox.actAs(phones.get(i % phones.size())).writes("Khách hỏi lần " + i));
        }
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(120))).isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<WebhookDelivery> deliveries = sandbox.webhooks().deliveries();
        assertThat(deliveries).hasSize(events);
        List<Long> millis = new ArrayList<>();
        for (WebhookDelivery d : deliveries) {
            assertThat(d.status()).as("delivery %s", d.id()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.attempts()).as("delivery %s acknowledged on its first try", d.id()).hasSize(1);
            millis.add(d.attempts().get(0).millis());
        }
        Collections.sort(millis);
        assertThat(millis.get(millis.size() - 1)).as("the slowest answer, ms").isLessThan(2000);
        assertThat(processed).hasSize(events);
        assertThat(processed.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(processed.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(stats().getCompleted()).isEqualTo(events);
        System.out.printf("zalo:events burst: %d events from the sandbox (64 at once) in %.1f s (%.0f/s); answer"
                          + " p50 %d ms, p99 %d ms, max %d ms; lost 0, processed twice 0%n", events, seconds,
                events / seconds, millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99)),
                millis.get(millis.size() - 1));
    }

    /**
     * The recipe of the docs: a send and its delivery receipt meet in an aggregator keyed by CamelZaloMessageId, so
     * a route knows when each message reached the customer, and a seen event names the messages read.
     */
    @Test
    void aDeliveryReceiptJoinsItsSendByMessageId() throws Exception {
        BlockingQueue<SeenEvent> seen = new LinkedBlockingQueue<>();
        start(4, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:notify").to("zalo:send?provider=zalo").to("direct:join");
                from("zalo:events?events=user_received_message,user_seen_message").routeId("events")
                        .choice()
                            .when(header(ZaloConstants.EVENT_NAME).isEqualTo("user_seen_message"))
                                .process(e -> seen.add(e.getMessage().getBody(SeenEvent.class)))
                            .otherwise()
                                .to("direct:join");
                from("direct:join")
                        .aggregate(header(ZaloConstants.MESSAGE_ID), new SendAndReceipt())
                            .completionSize(2).completionTimeout(10_000)
                        .process(e -> joined.add(e.copy()));
            }
        });

        Exchange sent = main.getCamelContext().createProducerTemplate().request("direct:notify", e -> {
            e.getMessage().setHeader(ZaloConstants.USER_ID, NGHIA_ZALO);
            e.getMessage().setBody("Đơn hàng DH1001 đã được giao");
        });
        assertThat(sent.getException()).isNull();
        String messageId = sent.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class);

        Exchange join = joined.poll(10, TimeUnit.SECONDS);
        assertThat(join).isNotNull();
        assertThat(join.getProperty("sent", OaMessageResult.class).getMessageId()).isEqualTo(messageId);
        assertThat(join.getProperty("delivered", DeliveryEvent.class).getUserId()).isEqualTo(NGHIA_ZALO);
        assertThat(join.getProperty("delivered", DeliveryEvent.class).getMessageId()).isEqualTo(messageId);

        sandbox.actAs(NGHIA).sees();
        SeenEvent read = seen.poll(10, TimeUnit.SECONDS);
        assertThat(read).isNotNull();
        assertThat(read.getMessageIds()).contains(messageId);
    }

    /** Keeps the send's result and the receipt, whichever comes first. */
    static final class SendAndReceipt implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
            Exchange target = oldExchange != null ? oldExchange : newExchange;
            Object body = newExchange.getMessage().getBody();
            if (body instanceof DeliveryEvent d) {
                target.setProperty("delivered", d);
            } else if (body instanceof OaMessageResult r) {
                target.setProperty("sent", r);
            } else if (body instanceof MessageEvent) {
                throw new IllegalStateException("not a send nor a receipt");
            }
            return target;
        }
    }
}
