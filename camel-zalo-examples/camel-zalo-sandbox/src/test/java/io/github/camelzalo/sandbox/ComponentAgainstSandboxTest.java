package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloEndpoint;
import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.model.UserStatus;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code zalo:} component against the sandbox: the sandbox must speak exactly what the component speaks,
 * and its refusals, 429s and lock-outs must reach a route as the right {@link ZaloApiException}.
 */
class ComponentAgainstSandboxTest extends CamelTestSupport {

    private final SandboxFixture fixture = new SandboxFixture() {
    };
    private ZaloSandbox sandbox;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sandbox = fixture.start(fixture.builder().rateLimitPerSecond(5).lockoutAfter(3));
        CamelContext context = super.createCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(sandbox.caresoftBaseUrl(SandboxFixture.TENANT));
        zalo.getCaresoft().setApiKey(SandboxFixture.CS_KEY);
        zalo.getEtelecom().setBaseUrl(sandbox.etelecomBaseUrl());
        zalo.getEtelecom().setApiKey(SandboxFixture.ET_KEY);
        zalo.getConfiguration().setOaId(sandbox.oaId());
        zalo.getConfiguration().setRequestTimeout(5_000);
        context.addComponent("zalo", zalo);
        return context;
    }

    @AfterEach
    void stopSandbox() {
        fixture.closeSandbox();
    }

    private Exchange call(String uri, Object body, Object... headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    private static ZaloApiException failure(Exchange e) {
        assertThat(e.getException()).isInstanceOf(ZaloApiException.class);
        return (ZaloApiException) e.getException();
    }

    @Test
    void userStatusReadsWhatTheSandboxDerives() {
        UserStatus s = call("zalo:userStatus", "84981234980").getMessage().getBody(UserStatus.class);

        CustomerStatus expected = sandbox.status(SandboxFixture.NGHIA);
        assertThat(s.getUserId()).isEqualTo(expected.userId()).isEqualTo("631292");
        assertThat(s.getUsername()).isEqualTo("Nguyễn Trọng Nghĩa");
        assertThat(s.getZaloPsid()).isEqualTo(SandboxFixture.NGHIA_ZALO);
        assertThat(s.isFollowing()).isTrue();
        assertThat(s.getLastUserActivityTime()).isEqualTo(LocalDateTime.of(2026, 3, 2, 7, 0));
        assertThat(s.isCanSendConsultationMessage()).isTrue();
        assertThat(s.getConsultationMessageExpiredTime()).isEqualTo(LocalDateTime.of(2026, 3, 9, 7, 0));
        assertThat(s.getConsultationMessageFreeRemain()).isEqualTo(8);
        assertThat(s.isCanSendTransactionMessage()).isTrue();
        assertThat(s.isCanSendPromotionMessage()).isTrue();
        assertThat(s.isCanCallZccByPhone()).isFalse();
        assertThat(s.isCanCallZccByZaloId()).isTrue();
        assertThat(s.isCanSendZns()).isTrue();

        UserStatus khanh = call("zalo:userStatus", SandboxFixture.KHANH).getMessage().getBody(UserStatus.class);
        assertThat(khanh.getZaloPsid()).isNull();
        assertThat(khanh.getLastUserActivityTime()).isNull();
        assertThat(khanh.getConsultationMessageExpiredTime()).isNull();
        assertThat(khanh.isCanSendZns()).isFalse();
    }

    @Test
    void textsAndScriptsArriveInTheOutbox() {
        Exchange text = call("zalo:send", "Chào anh, đơn của anh đang được xử lý.",
                ZaloConstants.PHONE_NO, "+84 98 123 4980");
        Exchange script = call("zalo:send", null, ZaloConstants.CONTACT_ID, "631293",
                ZaloConstants.SCRIPT_ID, SandboxFixture.SCRIPT_ORDER,
                ZaloConstants.TEMPLATE_PARAMS, Map.of("username", "Chị Bích", "order_id", 1024));

        assertThat(text.getException()).isNull();
        assertThat(script.getException()).isNull();
        assertThat(text.getMessage().getHeader(ZaloConstants.RESULT_CODE)).isEqualTo("ok");
        List<OutboxMessage> out = sandbox.outbox().messages();
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).extracting(OutboxMessage::phone, OutboxMessage::type, OutboxMessage::text,
                OutboxMessage::quotaType).containsExactly(SandboxFixture.NGHIA, MessageType.CONSULTATION,
                        "Chào anh, đơn của anh đang được xử lý.", "reply");
        assertThat(out.get(1)).extracting(OutboxMessage::phone, OutboxMessage::type, OutboxMessage::text,
                OutboxMessage::quotaType).containsExactly(SandboxFixture.BICH, MessageType.TRANSACTION,
                        "Chào Chị Bích, đơn hàng 1024 đã được giao.", "none");
    }

    @Test
    void sendImageGetsTheQuotaThatPaid() {
        Exchange e = call("zalo:sendImage", null, ZaloConstants.USER_ID, SandboxFixture.NGHIA_ZALO,
                ZaloConstants.IMAGE_URL, "https://cdn.example.vn/khuyen-mai.png");

        assertThat(e.getException()).isNull();
        OutboxMessage m = sandbox.outbox().messages().get(0);
        assertThat(e.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo(m.msgId());
        assertThat(e.getMessage().getHeader(ZaloConstants.QUOTA_TYPE)).isEqualTo("reply");
        assertThat(e.getMessage().getHeader(ZaloConstants.QUOTA_REMAIN)).isEqualTo(7L);
        assertThat(m.imageUrl()).isEqualTo("https://cdn.example.vn/khuyen-mai.png");

        sandbox.directory().update(SandboxFixture.NGHIA, c -> c.withRepliesUsed(8));
        Exchange paid = call("zalo:sendImage", null, ZaloConstants.USER_ID, SandboxFixture.NGHIA_ZALO,
                ZaloConstants.ATTACHMENT_ID, "bXlBdHRhY2g");
        assertThat(paid.getMessage().getHeader(ZaloConstants.QUOTA_TYPE)).isEqualTo("sub_quota");
        assertThat(paid.getMessage().getHeader(ZaloConstants.QUOTA_REMAIN)).isEqualTo(2L);
    }

    @Test
    void refusedSendsAreRejectedApiExceptions() {
        ZaloApiException text = failure(call("zalo:send", "Muộn", ZaloConstants.PHONE_NO, SandboxFixture.DUC));
        assertThat(text.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(text.getHttpStatus()).isEqualTo(200);
        assertThat(text.getErrorCode()).isEqualTo("errors");
        assertThat(text.getErrorMessage()).contains("-230");
        assertThat(text.isRetryable()).isFalse();

        ZaloApiException image = failure(call("zalo:sendImage", null, ZaloConstants.USER_ID, "8941234567136203",
                ZaloConstants.IMAGE_URL, "https://cdn.example.vn/a.png"));
        assertThat(image.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(image.getHttpStatus()).isEqualTo(400);
        assertThat(image.getErrorCode()).isEqualTo("failed_precondition");

        ZaloApiException param = failure(call("zalo:send", null, ZaloConstants.PHONE_NO, SandboxFixture.NGHIA,
                ZaloConstants.SCRIPT_ID, SandboxFixture.SCRIPT_ORDER,
                ZaloConstants.TEMPLATE_PARAMS, Map.of("username", "A")));
        assertThat(param.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(param.getHttpStatus()).isEqualTo(400);
        assertThat(param.getErrorMessage()).contains("order_id");

        assertThat(sandbox.outbox().size()).isZero();
    }

    @Test
    void wrongKeysAreUnauthorized() {
        ZaloApiException cs = failure(call("zalo:userStatus?apiKey=wrong-key", SandboxFixture.NGHIA));
        assertThat(cs.getKind()).isEqualTo(ZaloErrorKind.UNAUTHORIZED);
        assertThat(cs.getHttpStatus()).isEqualTo(401);
        assertThat(cs.getErrorMessage()).isEqualTo("Unauthenticated.");

        ZaloApiException et = failure(call("zalo:sendImage?apiKey=wrong-key", null, ZaloConstants.USER_ID, "1",
                ZaloConstants.IMAGE_URL, "https://cdn.example.vn/a.png"));
        assertThat(et.getKind()).isEqualTo(ZaloErrorKind.UNAUTHORIZED);
        assertThat(et.getErrorCode()).isEqualTo("unauthenticated");
    }

    @Test
    void rateLimitAndLockOutAsARouteSeesThem() {
        // what the provider answers when nothing paces the calls: the component's own pacing is off here
        context.getComponent("zalo", ZaloComponent.class).getCaresoft().setRateLimit(0);
        for (int i = 0; i < 5; i++) {
            assertThat(call("zalo:userStatus", SandboxFixture.NGHIA).getException()).isNull();
        }
        for (int i = 0; i < 3; i++) {
            ZaloApiException limited = failure(call("zalo:userStatus", SandboxFixture.NGHIA));
            assertThat(limited.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED);
            assertThat(limited.getHttpStatus()).isEqualTo(429);
            assertThat(limited.getErrorMessage()).isEqualTo("Too Many Attempts.");
            assertThat(limited.getRetryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(limited.isRetryable()).isTrue();
        }

        ZaloApiException locked = failure(call("zalo:send", "x", ZaloConstants.PHONE_NO, SandboxFixture.NGHIA));

        assertThat(locked.getKind()).isEqualTo(ZaloErrorKind.LOCKED_OUT);
        assertThat(locked.getHttpStatus()).isEqualTo(404);
        assertThat(locked.getRetryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(locked.isRetryable()).isTrue();
        assertThat(sandbox.stats().rateLimited()).isEqualTo(3);
        assertThat(sandbox.stats().lockouts()).isEqualTo(1);
    }

    @Test
    void theComponentsPacingAbsorbsTheRateLimitAndNeverTripsTheLockOut() throws Exception {
        // pacing is about real time: a sandbox on the system clock, and a component limit four times too high
        SandboxFixture realTime = new SandboxFixture() {
        };
        realTime.clock = SandboxClock.system();
        ZaloSandbox paced = realTime.start(realTime.builder().rateLimitPerSecond(10).lockoutAfter(3));
        try (PacerWarnings warnings = PacerWarnings.capture(); CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(paced.caresoftBaseUrl(SandboxFixture.TENANT));
            zalo.getCaresoft().setApiKey(SandboxFixture.CS_KEY);
            zalo.getConfiguration().setOaId(paced.oaId());
            zalo.getCaresoft().setRateLimit(40);
            ctx.addComponent("zalo", zalo);
            ctx.start();
            ZaloEndpoint endpoint = ctx.getEndpoint("zalo:userStatus", ZaloEndpoint.class);
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            int calls = 40;
            CountDownLatch done = new CountDownLatch(calls);
            List<Exchange> exchanges = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Exchange exchange = new DefaultExchange(ctx);
                exchange.getMessage().setBody(SandboxFixture.NGHIA);
                exchanges.add(exchange);
                producer.process(exchange, sync -> done.countDown());
            }

            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
            assertThat(paced.stats().lockouts()).isZero();
            assertThat(paced.stats().rateLimited()).isPositive()
                    .isEqualTo(endpoint.getRateLimitStats().getResends());
            assertThat(paced.stats().accepted()).isEqualTo(calls);
            // the pacer said so, once for each slowdown
            assertThat(warnings.lines()).hasSize((int) endpoint.getRateLimitStats().getSlowdowns())
                    .allSatisfy(line -> assertThat(line).startsWith("WARN Rate limited by caresoft"));
            producer.stop();
        } finally {
            realTime.closeSandbox();
        }
    }

    /**
     * The sandbox and the component agree at their defaults: CareSoft's 15 per second in the sandbox (a sliding
     * window, the strictest reading), the component's default pacing for CareSoft. Calls handed over all at once and
     * calls one after the other, on the system clock: never a 429, so never a pacer warning.
     */
    @Test
    void atTheDefault15PerSecondTheSandboxNeverRefusesTheComponent() throws Exception {
        SandboxFixture realTime = new SandboxFixture() {
        };
        realTime.clock = SandboxClock.system();
        ZaloSandbox strict = realTime.start(realTime.builder().rateLimitPerSecond(15).lockoutAfter(20));
        try (PacerWarnings warnings = PacerWarnings.capture(); CamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(strict.caresoftBaseUrl(SandboxFixture.TENANT));
            zalo.getCaresoft().setApiKey(SandboxFixture.CS_KEY);
            zalo.getConfiguration().setOaId(strict.oaId());
            ctx.addComponent("zalo", zalo);
            ctx.start();
            ZaloEndpoint endpoint = ctx.getEndpoint("zalo:userStatus", ZaloEndpoint.class);
            AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            int calls = 45;
            CountDownLatch done = new CountDownLatch(calls);
            for (int i = 0; i < calls; i++) {
                Exchange exchange = new DefaultExchange(ctx);
                exchange.getMessage().setBody(SandboxFixture.NGHIA);
                producer.process(exchange, sync -> done.countDown());
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            ProducerTemplate template = ctx.createProducerTemplate();
            for (int i = 0; i < 30; i++) {
                assertThat(template.request("zalo:userStatus", e -> e.getMessage().setBody(SandboxFixture.NGHIA))
                        .getException()).isNull();
            }

            assertThat(endpoint.getRateLimitStats().getConfiguredRate()).as("the component's default").isEqualTo(15);
            assertThat(strict.stats().rateLimited()).as("429s").isZero();
            assertThat(warnings.lines()).as("pacer warnings").isEmpty();
            producer.stop();
        } finally {
            realTime.closeSandbox();
        }
    }

    @Test
    void aRouteThatChecksBeforeSendingNeverGetsARefusal() throws Exception {
        sandbox.resetRateLimits();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:care")
                        .setHeader(ZaloConstants.PHONE_NO, body())
                        .to("zalo:userStatus")
                        .choice()
                            .when(simple("${body.canSendConsultationMessage}"))
                                .setBody(constant("Chào anh/chị, cảm ơn đã liên hệ."))
                                .to("zalo:send").setBody(constant("consultation"))
                            .when(simple("${body.canSendTransactionMessage}"))
                                .setHeader(ZaloConstants.SCRIPT_ID, constant(SandboxFixture.SCRIPT_ORDER))
                                .setHeader(ZaloConstants.TEMPLATE_PARAMS,
                                        constant(Map.of("username", "Quý khách", "order_id", "DH-1")))
                                .to("zalo:send").setBody(constant("transaction"))
                            .otherwise()
                                .setBody(constant("skipped"));
            }
        });
        Map<String, String> expected = Map.of(SandboxFixture.NGHIA, "consultation", SandboxFixture.BICH,
                "consultation", SandboxFixture.DUC, "transaction", SandboxFixture.HA, "consultation",
                SandboxFixture.CUONG, "transaction", SandboxFixture.KHANH, "skipped");

        for (Map.Entry<String, String> e : expected.entrySet()) {
            sandbox.clock().advance(Duration.ofSeconds(1)); // two calls per customer: stay under 5/s
            assertThat(template.requestBody("direct:care", e.getKey(), String.class)).as(e.getKey())
                    .isEqualTo(e.getValue());
        }

        assertThat(sandbox.outbox().size()).isEqualTo(5);
        assertThat(sandbox.outbox().messagesTo(SandboxFixture.HA).get(0).quotaType()).isEqualTo("sub_quota");
        assertThat(sandbox.outbox().countByQuota()).containsEntry("reply", 2L).containsEntry("sub_quota", 1L)
                .containsEntry("none", 2L);
    }
}
