package io.github.camelzalo.component.zalo;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelzalo.component.zalo.pacing.AccountPacer;
import io.github.camelzalo.component.zalo.pacing.PacerRegistry;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-side rate limit against WireMock. Assertions are on counts and order; where time matters only lower
 * bounds are checked (a pause can only get longer on a loaded machine), with generous upper bounds on waiting.
 */
class RateLimitTest extends ZaloTestSupport {

    /** The pacer tells each slowdown at WARN: these tests provoke them on purpose, and check them here. */
    @RegisterExtension
    final CapturedLog pacerLog = CapturedLog.of(AccountPacer.class);

    private static final String TOO_MANY = "{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}";

    private ZaloComponent zalo() {
        return context.getComponent("zalo", ZaloComponent.class);
    }

    @Test
    void waitingForAPermitHoldsNoThread() throws Exception {
        zalo().getCaresoft().setRateLimit(10);
        stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER));
        ZaloEndpoint endpoint = context.getEndpoint("zalo:userStatus", ZaloEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        int calls = 40;
        CountDownLatch done = new CountDownLatch(calls);

        List<Exchange> exchanges = processAll(producer, calls, "0981234980", done);

        // 40 calls at 10/s take 4 s: had the loop blocked for permits, hardly any would still be waiting
        RateLimitStats stats = endpoint.getRateLimitStats();
        assertThat(stats.getWaiting()).isGreaterThanOrEqualTo(calls / 2);
        assertThat(threadsInsideTheComponent()).as("threads inside the component while %d wait", stats.getWaiting())
                .isLessThanOrEqualTo(2);
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        wireMock.verify(calls, postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS)));
        assertThat(stats.getPermitsGranted()).isEqualTo(calls);
        assertThat(stats.getRateLimitedAnswers()).isZero();
        producer.stop();
    }

    /** Threads, other than this one, with a frame of the component on their stack. */
    private static long threadsInsideTheComponent() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(t -> t.getThreadId() != Thread.currentThread().getId())
                .filter(t -> Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().startsWith("io.github.camelzalo.component")))
                .count();
    }

    @Test
    void aRateLimitedCallIsSentAgainAfterTheBackOffAndSucceeds() {
        zalo().getCaresoft().setRateLimit(50);
        answerInTurn(CARESOFT_USER_STATUS, json(429, TOO_MANY), json(429, TOO_MANY),
                json(200, UserStatusTest.DOCUMENT_ANSWER));

        Exchange out = call("zalo:userStatus", "0981234980");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(io.github.camelzalo.component.zalo.model.UserStatus.class).getUserId())
                .isEqualTo("631292");
        assertThat(out.getMessage().getHeader(ZaloConstants.RATE_LIMIT_RESENDS)).isEqualTo(2);
        List<LoggedRequest> wire = requestsInOrder(CARESOFT_USER_STATUS);
        assertThat(wire).hasSize(3);
        // no Retry-After: one second, then two, since the second 429 came with no success in between
        assertThat(gapMillis(wire, 0, 1)).isGreaterThanOrEqualTo(990);
        assertThat(gapMillis(wire, 1, 2)).isGreaterThanOrEqualTo(1_990);
        RateLimitStats stats = endpointStats("zalo:userStatus");
        assertThat(stats.getRateLimitedAnswers()).isEqualTo(2);
        assertThat(stats.getResends()).isEqualTo(2);
        assertThat(stats.getSlowdowns()).isEqualTo(2);
        assertThat(stats.getCurrentRate()).isLessThan(stats.getConfiguredRate());
        assertThat(pacerLog.lines()).as("one WARN per slowdown").hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("WARN Rate limited by caresoft " + baseUrl() + "/acme key#")
                        .doesNotContain(CARESOFT_KEY));
    }

    @Test
    void retryAfterIsHonoured() {
        zalo().getCaresoft().setRateLimit(50);
        answerInTurn(CARESOFT_SEND, json(429, TOO_MANY).withHeader("Retry-After", "2"), caresoftOk());

        Exchange out = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        assertThat(out.getException()).isNull();
        List<LoggedRequest> wire = requestsInOrder(CARESOFT_SEND);
        assertThat(wire).hasSize(2);
        assertThat(gapMillis(wire, 0, 1)).as("longer than the 1 s default back-off").isGreaterThanOrEqualTo(1_990);
        assertThat(wire.get(1).getBodyAsString()).isEqualTo(wire.get(0).getBodyAsString());
    }

    @Test
    void whenTheResendsRunOutTheExchangeFailsRetryablyAsRateLimited() {
        zalo().getCaresoft().setRateLimit(50);
        stub(CARESOFT_USER_STATUS, json(429, TOO_MANY).withHeader("Retry-After", "0"));

        Exchange out = call("zalo:userStatus?rateLimitRetries=2", "0981234980");

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getHttpStatus()).isEqualTo(429);
            assertThat(e.getErrorMessage()).isEqualTo("Too Many Attempts.");
        });
        assertThat(out.getMessage().getHeader(ZaloConstants.RATE_LIMIT_RESENDS)).isEqualTo(2);
        wireMock.verify(3, postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS)));
        RateLimitStats stats = endpointStats("zalo:userStatus?rateLimitRetries=2");
        assertThat(stats.getRateLimitedAnswers()).isEqualTo(3);
        assertThat(stats.getResends()).isEqualTo(2);
    }

    @Test
    void withNoResendsOrNoRateLimitA429FailsAtOnce() {
        stub(CARESOFT_USER_STATUS, json(429, TOO_MANY));

        Exchange off = call("zalo:userStatus", "0981234980");
        zalo().getCaresoft().setRateLimit(50);
        Exchange noResends = call("zalo:userStatus?rateLimitRetries=0", "0981234980");

        assertThat(List.of(off, noResends)).allSatisfy(e -> {
            assertThat(e.getException()).isInstanceOf(ZaloApiException.class);
            assertThat(((ZaloApiException) e.getException()).getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED);
            assertThat(e.getMessage().getHeader(ZaloConstants.RATE_LIMIT_RESENDS)).isNull();
        });
        assertThat(context.getEndpoint("zalo:userStatus", ZaloEndpoint.class).getRateLimitStats()).isNull();
        wireMock.verify(2, postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS)));
    }

    @Test
    void oneAccountSharesOneLimiterAcrossEndpointsAndContextsAndAnotherAccountHasItsOwn() throws Exception {
        zalo().getCaresoft().setRateLimit(50);
        RateLimitStats status = endpointStats("zalo:userStatus");
        RateLimitStats send = endpointStats("zalo:send");
        RateLimitStats otherKey = endpointStats("zalo:userStatus?apiKey=another-secret-key");
        RateLimitStats otherTenant = endpointStats("zalo:userStatus?baseUrl=" + baseUrl() + "/beta");
        RateLimitStats etelecom = endpointStats("zalo:sendImage");

        assertThat(send).isSameAs(status);
        assertThat(otherKey).isNotNull().isNotSameAs(status);
        assertThat(otherTenant).isNotNull().isNotSameAs(status).isNotSameAs(otherKey);
        assertThat(etelecom).as("eTelecom's rate limit is off by default").isNull();
        assertThat(status.getAccount()).doesNotContain(CARESOFT_KEY).contains(baseUrl() + "/acme");
        assertThat(otherKey.getAccount()).doesNotContain("another-secret-key");

        try (CamelContext second = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(baseUrl() + "/acme");
            zalo.getCaresoft().setApiKey(CARESOFT_KEY);
            zalo.getCaresoft().setRateLimit(40);
            second.addComponent("zalo", zalo);
            second.start();
            assertThat(second.getEndpoint("zalo:userStatus", ZaloEndpoint.class).getRateLimitStats())
                    .as("another CamelContext, the same account").isSameAs(status);
            assertThat(status.getConfiguredRate()).as("the lower rate applies").isEqualTo(40);
        }
        assertThat(endpointStats("zalo:userStatus")).as("still leased by this context").isSameAs(status);
    }

    /**
     * requestTimeout bounds the whole call, the wait for its turn included, as a route's own timeout logic assumes:
     * a call whose turn does not come in time ends then, not sent, and may be sent again.
     */
    @Test
    void theWaitForATurnCountsAgainstTheRequestTimeout() throws Exception {
        zalo().getCaresoft().setRateLimit(2);
        stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER));
        ZaloEndpoint endpoint = context.getEndpoint("zalo:userStatus?requestTimeout=1000", ZaloEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        int calls = 8;
        List<Long> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(calls);
        long start = System.nanoTime();

        List<Exchange> exchanges = processAll(producer, calls, "0981234980", new CountDownLatch(0) {
            @Override
            public void countDown() {
                ended.add((System.nanoTime() - start) / 1_000_000);
                done.countDown();
            }
        });

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ended).as("ms from the start until each call ended").allSatisfy(ms -> assertThat(ms).isLessThan(1_700));
        List<Exchange> timedOut = exchanges.stream().filter(e -> e.getException() != null).toList();
        assertThat(timedOut).as("calls whose turn did not come within 1 s").hasSizeGreaterThanOrEqualTo(calls - 4)
                .allSatisfy(e -> assertThat(e.getException()).isInstanceOfSatisfying(ZaloApiException.class, x -> {
                    assertThat(x.getKind()).isEqualTo(ZaloErrorKind.TIMEOUT);
                    assertThat(x.mayHaveBeenProcessed()).isFalse();
                    assertThat(x.isRetryable()).isTrue();
                    assertThat(x.getErrorMessage()).contains("1000 ms");
                }));
        wireMock.verify(calls - timedOut.size(), postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS)));
        producer.stop();
    }

    /** A pause the provider asks for that outlasts the call's time: the call ends in time with the provider's 429. */
    @Test
    void aRateLimitPauseLongerThanTheRequestTimeoutEndsTheCallWithThe429() {
        zalo().getCaresoft().setRateLimit(50);
        stub(CARESOFT_SEND, json(429, TOO_MANY).withHeader("Retry-After", "5"));

        long start = System.nanoTime();
        Exchange out = call("zalo:send?requestTimeout=1000", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(1_700);
        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITED);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getRetryAfter()).hasSeconds(5);
        });
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    /** The same tenant written two ways on two endpoints: one limiter, or the provider sees twice the limit. */
    @Test
    void oneTenantSpeltTwoWaysSharesOneLimiter() {
        zalo().getCaresoft().setRateLimit(50);
        String port = String.valueOf(wireMock.port());
        RateLimitStats plain = endpointStats("zalo:userStatus?baseUrl=http://localhost:" + port + "/acme");
        RateLimitStats upper = endpointStats("zalo:send?baseUrl=http://LOCALHOST:" + port + "/./acme/");

        assertThat(upper).isSameAs(plain);
        assertThat(plain.getAccount()).contains("http://localhost:" + port + "/acme");
    }

    @Test
    void aPauseOfOneAccountHoldsBackItsOtherEndpointsButNotOtherAccounts() throws Exception {
        zalo().getCaresoft().setRateLimit(50);
        answerInTurn(CARESOFT_USER_STATUS, json(429, TOO_MANY).withHeader("Retry-After", "1"),
                json(200, UserStatusTest.DOCUMENT_ANSWER));
        stub(CARESOFT_SEND, caresoftOk());
        stub("/beta/api/v1/zalo/send-message", caresoftOk());
        RateLimitStats stats = endpointStats("zalo:userStatus");

        var first = template.asyncRequestBody("zalo:userStatus", "0981234980");
        waitUntil(() -> stats.getSlowdowns() == 1);
        Exchange otherTenant = call("zalo:send?baseUrl=" + baseUrl() + "/beta", "Xin chào",
                ZaloConstants.PHONE_NO, "0981234980");
        Exchange sameAccount = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
        first.get(30, TimeUnit.SECONDS);

        assertThat(otherTenant.getException()).isNull();
        assertThat(sameAccount.getException()).isNull();
        List<LoggedRequest> status = requestsInOrder(CARESOFT_USER_STATUS);
        LoggedRequest beta = requestsInOrder("/beta/api/v1/zalo/send-message").get(0);
        LoggedRequest acme = requestsInOrder(CARESOFT_SEND).get(0);
        assertThat(status).hasSize(2);
        assertThat(beta.getLoggedDate()).as("the other tenant did not wait").isBefore(status.get(1).getLoggedDate());
        assertThat(acme.getLoggedDate().getTime() - status.get(0).getLoggedDate().getTime())
                .as("the same account waited out the Retry-After").isGreaterThanOrEqualTo(990);
    }

    @Test
    void stoppingAnEndpointFailsTheCallsStillWaitingAndDropsTheLimiter() throws Exception {
        zalo().getCaresoft().setRateLimit(1);
        stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER));
        ZaloEndpoint endpoint = context.getEndpoint("zalo:userStatus", ZaloEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(3);
        List<Exchange> exchanges = processAll(producer, 3, "0981234980", done);

        endpoint.stop();

        assertThat(done.await(30, TimeUnit.SECONDS)).as("no call hangs").isTrue();
        // each one not sent, and saying so: a route may send it again
        long abandoned = exchanges.stream()
                .filter(e -> e.getException() instanceof ZaloApiException x && x.getKind() == ZaloErrorKind.IO_ERROR
                             && !x.mayHaveBeenProcessed() && x.isRetryable()
                             && x.getCause() instanceof RejectedExecutionException)
                .count();
        assertThat(abandoned).isGreaterThanOrEqualTo(1);
        wireMock.verify(3 - (int) abandoned, postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS)));
        assertThat(PacerRegistry.jvm().find(endpoint.getBoundOperation().account)).isNull();
        producer.stop();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 30 s").isNegative();
            Thread.sleep(10);
        }
    }

    private RateLimitStats endpointStats(String uri) {
        return context.getEndpoint(uri, ZaloEndpoint.class).getRateLimitStats();
    }

    /** Each request to {@code path} gets the next answer; the last one repeats. */
    private static void answerInTurn(String path,
                                     com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var mapping = post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state).willReturn(answers[i]);
            stub(i + 1 < answers.length ? mapping.willSetStateTo("answer " + (i + 1)) : mapping);
        }
    }

    private static List<LoggedRequest> requestsInOrder(String path) {
        List<LoggedRequest> requests = new ArrayList<>(wireMock.findAll(postRequestedFor(urlEqualTo(path))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    private static long gapMillis(List<LoggedRequest> requests, int from, int to) {
        return requests.get(to).getLoggedDate().getTime() - requests.get(from).getLoggedDate().getTime();
    }
}
