package io.github.camelzalo.component.zalo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check of each provider account, through Camel's health-check API as every runtime reads it: UP
 * with what the calls and the rate limit did, DOWN while the provider locks the account out, back UP when the
 * lock-out ends; one check per account, not per endpoint; never a key in what it reports.
 */
class HealthCheckTest extends ZaloTestSupport {

    /** Every result, not only the DOWN ones (Camel's default exposure level). */
    private static final String FULL = "full";

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.getCaresoft().setRateLimit(15);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:send").to("zalo:send");
                from("direct:status").to("zalo:userStatus");
                from("direct:image").to("zalo:sendImage");
            }
        };
    }

    @BeforeEach
    void enableProducerChecks() {
        // what camel.health.producersEnabled=true does
        HealthCheckRegistry.get(context).getRepository("producers").ifPresent(r -> r.setEnabled(true));
    }

    private Exchange send() {
        return template.request("direct:send", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });
    }

    private HealthCheck.Result careSoftCheck() {
        List<HealthCheck.Result> zalo = HealthCheckHelper.invokeReadiness(context, FULL).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:zalo-caresoft-")).toList();
        assertThat(zalo).hasSize(1);
        return zalo.get(0);
    }

    @Test
    void oneReadinessCheckPerAccountNotPerEndpointNamedByProviderAndKeyDigest() {
        List<String> ids = HealthCheckHelper.invokeReadiness(context, FULL).stream().map(r -> r.getCheck().getId())
                .filter(id -> id.startsWith("producer:zalo")).sorted().toList();

        // send and userStatus share the CareSoft account; sendImage is eTelecom's
        assertThat(ids).hasSize(2).allMatch(id -> id.matches("producer:zalo-(caresoft|etelecom)-127\\.0\\.0\\.1-[0-9a-f]{8}"));
        assertThat(HealthCheckHelper.invokeLiveness(context, FULL).stream().map(r -> r.getCheck().getId()))
                .noneMatch(id -> id.startsWith("producer:zalo"));
    }

    @Test
    void upWithWhatTheCallsAndThePacerDid() {
        stub(CARESOFT_SEND, caresoftOk());
        assertThat(send().getException()).isNull();

        HealthCheck.Result r = careSoftCheck();

        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        Map<String, Object> d = r.getDetails();
        assertThat(d).containsEntry("provider", "caresoft").containsEntry("baseUrl", baseUrl() + "/acme")
                .containsEntry("endpoints", 2).containsEntry("calls.succeeded", 1L).containsEntry("calls.failed", 0L)
                .containsEntry("rateLimit.configured", 15.0).containsEntry("rateLimit.current", 15.0)
                .containsEntry("rateLimit.waiting", 0).containsEntry("rateLimit.rateLimitedAnswers", 0L);
        assertThat((String) d.get("account")).matches("caresoft http://127\\.0\\.0\\.1:\\d+/acme key#[0-9a-f]{8}");
        assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).endsWith("1 calls succeeded, 0 failed"));
    }

    @Test
    void downWhileCareSoftLocksTheAccountOutAndUpOnceTheLockOutIsOver() throws Exception {
        stub(CARESOFT_SEND, json(404, "{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry"
                                      + " after 15 minutes \"}").withHeader("Retry-After", "1"));
        assertThat(send().getException()).isInstanceOf(ZaloApiException.class);

        HealthCheck.Result locked = careSoftCheck();

        assertThat(locked.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(locked.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("caresoft locked the account out until "));
        assertThat(locked.getDetails()).containsEntry("failures.LOCKED_OUT", 1L)
                .containsEntry("lastFailure.kind", "LOCKED_OUT").containsEntry("lastFailure.operation", "send")
                .containsKey("lockedOutUntil");

        // the provider's Retry-After (here one second) is when it lets the account in again
        Thread.sleep(1_100);
        HealthCheck.Result later = careSoftCheck();
        assertThat(later.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(later.getDetails()).doesNotContainKey("lockedOutUntil").containsEntry("failures.LOCKED_OUT", 1L);
    }

    @Test
    void aCallThatGetsThroughEndsTheLockOutAtOnce() {
        stub(CARESOFT_SEND, json(404, "{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry"
                                      + " after 15 minutes \"}"));
        send();
        assertThat(careSoftCheck().getState()).isEqualTo(HealthCheck.State.DOWN);

        stub(CARESOFT_SEND, caresoftOk());
        assertThat(send().getException()).isNull();

        assertThat(careSoftCheck().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void otherFailuresAreReportedByKindAndLeaveTheAccountReady() {
        stub(CARESOFT_SEND, json(401, "{\"code\":\"errors\",\"message\":\"Unauthenticated.\"}"));
        send();
        send();

        HealthCheck.Result r = careSoftCheck();

        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(r.getDetails()).containsEntry("failures.UNAUTHORIZED", 2L).containsEntry("calls.failed", 2L)
                .containsEntry("lastFailure.kind", "UNAUTHORIZED");
    }

    @Test
    void theChecksNeverShowAKey() {
        stub(CARESOFT_SEND, json(401, "{\"code\":\"errors\",\"message\":\"Bad key " + CARESOFT_KEY + "\"}"));
        send();

        for (HealthCheck.Result r : HealthCheckHelper.invoke(context, FULL)) {
            String all = r.getDetails().toString() + r.getMessage().orElse("");
            assertThat(all).doesNotContain(CARESOFT_KEY).doesNotContain(ETELECOM_KEY);
        }
    }

    @Test
    void healthCheckProducerEnabledFalseTurnsTheChecksOff() throws Exception {
        ZaloComponent off = new ZaloComponent();
        off.getCaresoft().setBaseUrl(baseUrl() + "/other");
        off.getCaresoft().setApiKey(CARESOFT_KEY);
        off.setHealthCheckProducerEnabled(false);
        context.addComponent("quiet", off);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:quiet").to("quiet:send");
            }
        });

        Optional<HealthCheck.Result> quiet = HealthCheckHelper.invoke(context, FULL).stream()
                .filter(r -> r.getCheck().getId().endsWith("-quiet")).findFirst();

        assertThat(quiet).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
            assertThat(r.getMessage()).hasValue("Disabled");
            assertThat(r.getDetails()).doesNotContainKey("account");
        });
        assertThat(HealthCheckHelper.getHealthCheckRegistry(context).getCheck(
                "producer:zalo-caresoft-127.0.0.1-" + off.getMonitor().getAccounts().get(0).getKeyDigest() + "-quiet"))
                .hasValueSatisfying(c -> assertThat(c.isEnabled()).isFalse());
    }

    @Test
    void theCheckGoesWithTheAccountsLastEndpoint() throws Exception {
        assertThat(careSoftCheck()).isNotNull();

        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        context.getRouteController().stopRoute(context.getRoutes().get(1).getRouteId());
        for (var e : context.getEndpoints()) {
            if (e instanceof ZaloEndpoint z && z.getConfiguration().getProvider() == ZaloProviderType.caresoft) {
                context.removeEndpoint(z);
            }
        }

        assertThat(HealthCheckHelper.invokeReadiness(context, FULL).stream().map(r -> r.getCheck().getId()))
                .noneMatch(id -> id.startsWith("producer:zalo-caresoft-"));
    }
}
