package io.github.camelzalo.component.zalo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.pacing.AccountRateLimit;
import io.github.camelzalo.component.zalo.pacing.LocalRateLimiter;
import io.github.camelzalo.component.zalo.pacing.PacerWait;
import io.github.camelzalo.component.zalo.pacing.PermitCallback;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.component.zalo.pacing.RateLimiterUnavailableException;
import io.github.camelzalo.component.zalo.pacing.ZaloRateLimiter;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ZaloRateLimiter} bean in the registry paces the component's calls instead of the JVM's pacers: each call
 * waits for the bean's permit and reports its answer to it, and a limiter that cannot decide fails the call, unsent.
 */
class RateLimiterBeanTest extends ZaloTestSupport {

    private static final String TOO_MANY = "{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}";

    @BindToRegistry("sharedLimiter")
    private final RecordingLimiter limiter = new RecordingLimiter();

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.getCaresoft().setRateLimit(15);
        zalo.getConfiguration().setRateLimitRetries(1);
    }

    @Test
    void theRegistrysLimiterIsOpenedForTheEndpointsAccountAndReleasedWhenItStops() throws Exception {
        ZaloEndpoint endpoint = context.getEndpoint("zalo:send", ZaloEndpoint.class);
        endpoint.start();

        assertThat(limiter.opened).hasSize(1);
        assertThat(limiter.opened.get(0).account).isEqualTo(AccountKey.of("caresoft", baseUrl() + "/acme",
                CARESOFT_KEY));
        assertThat(limiter.opened.get(0).rate).isEqualTo(15.0);
        assertThat(endpoint.getRateLimitStats()).isSameAs(limiter.opened.get(0));

        endpoint.stop();
        assertThat(limiter.opened.get(0).released).isTrue();
        assertThat(endpoint.getRateLimitStats()).isNull();
    }

    @Test
    void aCallWaitsForTheLimitersPermitThenReportsItsAnswer() throws Exception {
        stub(CARESOFT_SEND, caresoftOk());
        limiter.holdPermits = true;

        var reply = template.asyncRequestBodyAndHeader("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (limiter.limit().waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(limiter.limit().waiting).hasSize(1);
        Thread.sleep(200);
        wireMock.verify(0, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
        limiter.limit().grantNext(41);
        reply.get(5, TimeUnit.SECONDS);
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
        assertThat(limiter.limit().answered).containsExactly(41L);
        assertThat(limiter.limit().rateLimited).isEmpty();
    }

    @Test
    void aRateLimitedAnswerIsReportedWithItsPermitAndTheResendAsksAgain() {
        stub(CARESOFT_SEND, json(429, TOO_MANY).withHeader("Retry-After", "3"));

        Exchange failed = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(failed.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED));
        // rateLimitRetries=1: the first 429 is resent on a new permit, the second ends the call
        assertThat(limiter.limit().rateLimited).containsExactly("1 retryAfter=PT3S resending=true",
                "2 retryAfter=PT3S resending=false");
        assertThat(limiter.limit().answered).isEmpty();
    }

    @Test
    void aLimiterThatCannotBeReachedFailsTheCallUnsentWithItsOwnKind() {
        stub(CARESOFT_SEND, caresoftOk());
        limiter.unavailable = true;

        Exchange failed = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(failed.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITER_UNAVAILABLE);
            assertThat(e.mayHaveBeenProcessed()).isFalse();
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("Redis at 127.0.0.1:6390 did not answer within 1000 ms");
            assertThat(e.getCause()).isInstanceOf(RateLimiterUnavailableException.class);
        });
        wireMock.verify(0, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    @Test
    void withoutABeanTheJvmsPacersAreUsed() {
        ZaloComponent bare = new ZaloComponent();
        assertThat(bare.activeRateLimiter()).isSameAs(LocalRateLimiter.jvm());
        assertThat(context.getComponent("zalo", ZaloComponent.class).activeRateLimiter()).isSameAs(limiter);
    }

    /** A limiter that grants permits at once (or when told), numbered from 1, and records what it hears. */
    static final class RecordingLimiter implements ZaloRateLimiter {
        final List<Limit> opened = new CopyOnWriteArrayList<>();
        volatile boolean holdPermits;
        volatile boolean unavailable;

        @Override
        public AccountRateLimit open(AccountKey account, double ratePerSecond) {
            Limit limit = new Limit(account, ratePerSecond, this);
            opened.add(limit);
            return limit;
        }

        Limit limit() {
            assertThat(opened).hasSize(1);
            return opened.get(0);
        }
    }

    static final class Limit implements AccountRateLimit, RateLimitStats {
        final AccountKey account;
        final double rate;
        final RecordingLimiter limiter;
        final List<PermitCallback> waiting = new CopyOnWriteArrayList<>();
        final List<Long> answered = new CopyOnWriteArrayList<>();
        final List<String> rateLimited = new CopyOnWriteArrayList<>();
        volatile boolean released;
        private long next;

        Limit(AccountKey account, double rate, RecordingLimiter limiter) {
            this.account = account;
            this.rate = rate;
            this.limiter = limiter;
        }

        @Override
        public PacerWait acquire(Object owner, PermitCallback callback) {
            if (limiter.unavailable) {
                callback.onAbandoned(new RateLimiterUnavailableException(
                        "No turn for " + account + ": Redis at 127.0.0.1:6390 did not answer within 1000 ms", null));
            } else if (limiter.holdPermits) {
                waiting.add(callback);
            } else {
                callback.onPermit(++next);
            }
            return PacerWait.NONE;
        }

        void grantNext(long permit) {
            waiting.remove(0).onPermit(permit);
        }

        @Override
        public PacerWait awaitWrite(Runnable go, Consumer<Exception> refused) {
            go.run();
            return PacerWait.NONE;
        }

        @Override
        public void rateLimited(long permit, Duration retryAfter, boolean resending) {
            rateLimited.add(permit + " retryAfter=" + retryAfter + " resending=" + resending);
        }

        @Override
        public void answered(long permit) {
            answered.add(permit);
        }

        @Override
        public RateLimitStats stats() {
            return this;
        }

        @Override
        public void release(Object owner, Exception cause) {
            released = true;
        }

        @Override
        public String getAccount() {
            return account.toString();
        }

        @Override
        public double getConfiguredRate() {
            return rate;
        }

        @Override
        public double getCurrentRate() {
            return rate;
        }

        @Override
        public int getWaiting() {
            return waiting.size();
        }

        @Override
        public long getPermitsGranted() {
            return next;
        }

        @Override
        public long getRateLimitedAnswers() {
            return rateLimited.size();
        }

        @Override
        public long getResends() {
            return 0;
        }

        @Override
        public long getSlowdowns() {
            return 0;
        }

        @Override
        public long getWritesHeldBack() {
            return 0;
        }
    }
}
