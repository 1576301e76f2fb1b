package io.github.camelzalo.component.zalo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.FaultServer.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redelivery route of docs/reliability.md, as written there: it retries exactly what is safe to send again,
 * honours Retry-After, and dead-letters the rest with its exception. Plus the trap it avoids.
 */
class RedeliveryRouteTest extends FaultServerTestSupport {


    private final Map<String, Exchange> deadLetters = new ConcurrentHashMap<>();

    @Override
    protected void configure(ZaloComponent zalo) {
        pointAtFaultServer(zalo);
        zalo.getConfiguration().setRequestTimeout(1_000);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // --- as in docs/reliability.md (delays shortened for the test) ---
                from("direct:documented").routeId("documented")
                        .errorHandler(deadLetterChannel("direct:dead").useOriginalMessage()
                                .retryAttemptedLogLevel(LoggingLevel.DEBUG))
                        .onException(ZaloApiException.class)
                            // judged again after every failure: only what is safe to send again, at most 3 times,
                            // and not into CareSoft's 15-minute lock-out
                            .retryWhile(simple("${exception.retryable} == true && ${exception.kind} != 'LOCKED_OUT'"
                                               + " && ${header.CamelRedeliveryCounter} <= 3"))
                            .useOriginalMessage()
                            .redeliveryDelay(50).useExponentialBackOff().backOffMultiplier(2)
                            .maximumRedeliveryDelay(1_000)
                            .asyncDelayedRedelivery()
                            .onExceptionOccurred(e -> {
                                ZaloApiException failure = e.getProperty(Exchange.EXCEPTION_CAUGHT,
                                        ZaloApiException.class);
                                if (failure != null && failure.getRetryAfter() != null) {
                                    // never longer than maximumRedeliveryDelay, which this header would bypass
                                    e.getIn().setHeader(Exchange.REDELIVERY_DELAY,
                                            Math.min(failure.getRetryAfter().toMillis(), 1_000));
                                } else {
                                    e.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
                                }
                            })
                        .end()
                        .to("zalo:send");

                // --- the pattern the docs warn against: onWhen picks the policy at the first failure only ---
                from("direct:naive").routeId("naive")
                        .errorHandler(deadLetterChannel("direct:dead").retryAttemptedLogLevel(LoggingLevel.DEBUG))
                        .onException(ZaloApiException.class)
                            .onWhen(simple("${exception.retryable}"))
                            .maximumRedeliveries(3)
                            .redeliveryDelay(50)
                        .end()
                        .to("zalo:send");

                from("direct:dead").routeId("dead")
                        .process(e -> deadLetters.put(e.getIn().getBody(String.class), e.copy()));
            }
        };
    }

    private Exchange send(String route, int id) {
        return template.send(route, e -> {
            e.getIn().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getIn().setBody("Xin chào msg-" + id);
        });
    }

    @Test
    void rateLimitsAndUnavailabilityAreRetriedHonouringRetryAfter() {
        server.next(Fault.UNAVAILABLE, Fault.TOO_MANY_REQUESTS_RETRY_AFTER, Fault.OK);

        long start = System.nanoTime();
        Exchange out = send("direct:documented", 1);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(out.getException()).isNull();
        assertThat(deadLetters).isEmpty();
        assertThat(server.arrivals.get(1)).hasValue(3);
        assertThat(server.processedCount(1)).isEqualTo(1);
        // Retry-After: 1 replaced the 50 ms delay
        assertThat(millis).isGreaterThanOrEqualTo(950);
    }

    /**
     * A provider asking to wait 31 years (or anything beyond the route's longest redelivery delay): the documented
     * route waits at most its maximumRedeliveryDelay, so the message is delivered or dead-lettered, never parked.
     */
    @Test
    void anAbsurdRetryAfterDoesNotParkTheMessage() throws Exception {
        String body = "{\"code\":\"errors\",\"message\":\"Service Unavailable\"}";
        server.answerWith("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 999999999"
                          + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        server.next(Fault.OK);

        Exchange out = template.asyncSend("direct:documented", e -> {
            e.getIn().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getIn().setBody("Xin chào msg-6");
        }).get(10, TimeUnit.SECONDS);

        assertThat(out.getException()).isNull();
        assertThat(deadLetters).isEmpty();
        assertThat(server.arrivals.get(6)).hasValue(2);
    }

    @Test
    void anUnknownOutcomeAfterARetryIsDeadLetteredNotSentAgain() {
        server.next(Fault.UNAVAILABLE, Fault.BAD_GATEWAY, Fault.OK);

        send("direct:documented", 2);

        assertThat(server.arrivals.get(2)).hasValue(2);
        assertThat(server.processedCount(2)).isEqualTo(1);
        ZaloApiException e = deadLetter("Xin chào msg-2");
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.SERVER_ERROR);
        assertThat(e.mayHaveBeenProcessed()).isTrue();
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void retriesStopAfterTheLimitWithTheLastExceptionInTheDeadLetter() {
        server.next(Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.OK);

        Exchange out = send("direct:documented", 3);

        // the first try and three redeliveries; the dead-letter channel handled the failure
        assertThat(server.arrivals.get(3)).hasValue(4);
        assertThat(out.getException()).isNull();
        assertThat(deadLetter("Xin chào msg-3").getKind()).isEqualTo(ZaloErrorKind.UNAVAILABLE);
    }

    @Test
    void theCareSoftLockOutIsDeadLetteredAtOnce() {
        server.next(Fault.LOCKED_OUT, Fault.OK);

        send("direct:documented", 4);

        assertThat(server.arrivals.get(4)).hasValue(1);
        ZaloApiException e = deadLetter("Xin chào msg-4");
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.LOCKED_OUT);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getRetryAfter()).hasMinutes(15);
    }

    /**
     * Why the docs use {@code retryWhile}: with {@code onWhen}, Camel picks the redelivery policy at the first
     * failure and keeps it, so a 502 (outcome unknown) after a 503 is sent again and the customer may get the
     * message twice. Seen with Camel 4.18; if Camel changes this, the docs can mention onWhen again.
     */
    @Test
    void withOnWhenAnUnknownOutcomeAfterARetryableFailureIsSentAgain() {
        server.next(Fault.UNAVAILABLE, Fault.BAD_GATEWAY, Fault.OK);

        send("direct:naive", 5);

        assertThat(server.processedCount(5)).as("times the provider acted on the message").isEqualTo(2);
    }

    private ZaloApiException deadLetter(String body) {
        Exchange dead = deadLetters.get(body);
        assertThat(dead).as("dead letter for %s", body).isNotNull();
        assertThat(dead.getIn().getBody(String.class)).isEqualTo(body);
        return dead.getProperty(Exchange.EXCEPTION_CAUGHT, ZaloApiException.class);
    }
}
