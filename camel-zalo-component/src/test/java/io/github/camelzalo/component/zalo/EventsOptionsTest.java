package io.github.camelzalo.component.zalo;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
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
