package io.github.camelzalo.component.zalo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelzalo.component.zalo.WebhookPoster.APP_ID;
import static io.github.camelzalo.component.zalo.WebhookPoster.OA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What zalo:events refuses to start with, and what it says when it starts without checking signatures. */
class EventsOptionsTest {

    @Test
    void withoutSignatureChecksItWarnsAtStartAndTakesUnsignedEvents() throws Exception {
        int port = WebhookPoster.freePort();
        BlockingQueue<Exchange> got = new LinkedBlockingQueue<>();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?verifySignature=false&webhookPath=/local/zalo").process(e -> got.add(e.copy()));
            }
        });
        try (LogCapture log = LogCapture.open()) {
            main.start();
            assertThat(log.atLeast(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .contains("/local/zalo", "does NOT check the signature", "verifySignature=false"));
            assertThat(log.atLeast(Level.INFO)).anySatisfy(line -> assertThat(line)
                    .contains("/local/zalo", "developer console"));
            long ts = System.currentTimeMillis();
            byte[] body = WebhookPoster.text("m-unsigned-1", "xin chào", ts).getBytes(StandardCharsets.UTF_8);
            assertThat(new WebhookPoster(port).post("/local/zalo", "POST", "application/json", body, null)
                    .statusCode()).isEqualTo(200);
            assertThat(got.poll(5, TimeUnit.SECONDS)).isNotNull();
        } finally {
            main.stop();
        }
    }

    /**
     * Two replicas behind one webhook URL share an IdempotentRepository bean: an event the first processed is a
     * duplicate for the second; an event whose route failed on the first is processed by the second.
     */
    @Test
    void replicasSharingAnIdempotentRepositoryProcessAnEventOnce() throws Exception {
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        BlockingQueue<String> processed = new LinkedBlockingQueue<>();
        int[] ports = { WebhookPoster.freePort(), WebhookPoster.freePort() };
        List<Main> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String replica = "replica-" + i;
                Main main = new Main();
                main.addInitialProperty("camel.server.enabled", "true");
                main.addInitialProperty("camel.server.host", "127.0.0.1");
                main.addInitialProperty("camel.server.port", Integer.toString(ports[i]));
                main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
                main.bind("zaloSeen", shared);
                main.configure().addRoutesBuilder(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("zalo:events?idempotentRepository=#zaloSeen").errorHandler(noErrorHandler())
                                .process(e -> {
                                    if (replica.equals("replica-0") && e.getMessage().getBody(MessageEvent.class)
                                            .getText().equals("fails on the first replica")) {
                                        throw new IllegalStateException("replica 0 is unwell");
                                    }
                                    processed.add(replica + ":" + e.getMessage().getHeader(ZaloConstants.MESSAGE_ID));
                                });
                    }
                });
                main.start();
                replicas.add(main);
            }
            WebhookPoster first = new WebhookPoster(ports[0]);
            WebhookPoster second = new WebhookPoster(ports[1]);
            long ts = System.currentTimeMillis();
            String once = WebhookPoster.text("m-replicated-1", "xin chào", ts);
            assertThat(first.postSigned("/zalo/events", once, ts, OA_KEY).statusCode()).isEqualTo(200);
            assertThat(second.postSigned("/zalo/events", once, ts, OA_KEY).statusCode()).isEqualTo(200);
            String failing = WebhookPoster.text("m-replicated-2", "fails on the first replica", ts);
            assertThat(first.postSigned("/zalo/events", failing, ts, OA_KEY).statusCode()).isEqualTo(500);
            assertThat(second.postSigned("/zalo/events", failing, ts, OA_KEY).statusCode()).isEqualTo(200);

            assertThat(List.of(processed.poll(5, TimeUnit.SECONDS), processed.poll(5, TimeUnit.SECONDS)))
                    .containsExactly("replica-0:m-replicated-1", "replica-1:m-replicated-2");
            assertThat(processed.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(shared.contains("user_send_text:m-replicated-1")).isTrue();
            assertThat(shared.contains("user_send_text:m-replicated-2")).isTrue();
        } finally {
            replicas.forEach(Main::stop);
        }
    }

    @Test
    void nonsenseOptionsAreRefusedNamingTheOption() throws Exception {
        for (String[] c : new String[][] {
                { "zalo:events?webhookPath=zalo/events", "webhookPath" },
                { "zalo:events?webhookPath=/zalo events", "webhookPath" },
                { "zalo:events?ackTimeout=0", "ackTimeout" },
                { "zalo:events?maxBodySize=0", "maxBodySize" },
                { "zalo:events?replayWindow=-1", "replayWindow" },
                { "zalo:events?concurrentConsumers=0", "concurrentConsumers" },
                { "zalo:events?eventQueueSize=-1", "eventQueueSize" },
                { "zalo:events?oaId=not-a-number", "oaId" } }) {
            try (CamelContext context = new DefaultCamelContext()) {
                assertThatThrownBy(() -> context.getEndpoint(c[0])).as(c[0]).rootCause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1]);
            }
        }
    }

    @Test
    void eventsOnlyConsumesAndTheOtherOperationsOnlyProduce() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint("zalo:events").createProducer())
                    .hasMessageContaining("from()");
            ZaloComponent zalo = context.getComponent("zalo", ZaloComponent.class);
            zalo.getCaresoft().setBaseUrl("http://127.0.0.1:1/acme");
            zalo.getCaresoft().setApiKey("cs-options-token-1a2b");
            assertThatThrownBy(() -> context.getEndpoint("zalo:send").createConsumer(e -> { }))
                    .hasMessageContaining("zalo:events");
        }
    }

    @Test
    void aSignatureCheckWithNoKeyConfiguredFailsTheStartNamingTheOption() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("zalo", ZaloComponent.class).getZalo().setAppId(APP_ID);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("zalo:events").log("never");
                }
            });
            assertThatThrownBy(context::start).satisfies(t -> assertThat(root(t).getMessage())
                    .contains("zalo.oaSecretKey", "camel.component.zalo.zalo.oa-secret-key"));
        }
    }

    @Test
    void consumersOnOnePathMustAgreeOnWhatAppliesBeforeTheirOaIsKnown() throws Exception {
        int port = WebhookPoster.freePort();
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?oaId=1600190000752846").log("a");
                from("zalo:events?oaId=1700290000123456&maxBodySize=1024").log("b");
            }
        });
        try {
            assertThatThrownBy(main::start).satisfies(t -> assertThat(root(t).getMessage())
                    .contains("/zalo/events", "maxBodySize").doesNotContain(OA_KEY));
        } finally {
            main.stop();
        }
    }

    private static Throwable root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r;
    }
}
