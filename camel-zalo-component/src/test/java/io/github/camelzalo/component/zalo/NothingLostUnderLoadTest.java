package io.github.camelzalo.component.zalo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.camelzalo.component.zalo.FaultServer.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand sends through a route with redelivery and a dead-letter channel, against a provider that fails one
 * request in five at random with the faults of {@link FaultInjectionTest}. Nothing may be lost (every message is
 * either delivered or dead-lettered, with its exception), and no customer may get a message twice: the provider
 * acts on each message at most once, because only failures that surely were not processed are retried. A second
 * run opts into retrying unknown outcomes; there a duplicate is allowed only for a message that met one.
 */
class NothingLostUnderLoadTest extends FaultServerTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(NothingLostUnderLoadTest.class);

    private static final int MESSAGES = 10_000;
    private static final int OPT_IN_MESSAGES = 2_000;
    private static final int MAX_REDELIVERIES = 6;
    /** In flight at once: enough to keep the connections busy while timeouts run out. */
    private static final int CONCURRENCY = 100;
    /** Faults the provider or network may inflict; OK is the other 80 %. */
    private static final Fault[] FAULTS = {
            Fault.RESET_BEFORE_READ, Fault.RESET_AFTER_READ, Fault.NO_RESPONSE, Fault.TRICKLE, Fault.STALLED_BODY,
            Fault.TOO_MANY_REQUESTS_RETRY_AFTER, Fault.TOO_MANY_REQUESTS, Fault.INTERNAL_ERROR, Fault.BAD_GATEWAY,
            Fault.UNAVAILABLE, Fault.GATEWAY_TIMEOUT, Fault.HTML_PAGE, Fault.EMPTY_BODY, Fault.INVALID_JSON,
            Fault.EXTRA_FIELDS, Fault.HUGE_BODY, Fault.HUGE_BODY_CHUNKED };


    private final Set<Integer> delivered = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Exchange> deadLettered = new ConcurrentHashMap<>();
    private final AtomicInteger completions = new AtomicInteger();
    /** Messages that met a failure whose outcome is unknown (the provider may have acted on it). */
    private final Set<Integer> metUnknownOutcome = ConcurrentHashMap.newKeySet();
    /** The failures each message met, as the route saw them: for the report when an assertion fails. */
    private final Map<Integer, Queue<String>> seen = new ConcurrentHashMap<>();

    @Override
    protected void configure(ZaloComponent zalo) {
        pointAtFaultServer(zalo);
        long seed = Long.getLong("zalo.load.seed", System.nanoTime());
        LOG.info("fault plan seed {} (rerun with -Dzalo.load.seed={})", seed, seed);
        Random random = new Random(seed);
        server.plan(() -> {
            synchronized (random) {
                return random.nextInt(5) == 0 ? FAULTS[random.nextInt(FAULTS.length)] : Fault.OK;
            }
        });
        // small, so that hundreds of timeouts cost seconds, not minutes
        zalo.getConfiguration().setRequestTimeout(300);
        zalo.getConfiguration().setConnectTimeout(1_000);
        zalo.setMaxResponseSize(64 * 1024);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the route a user writes (docs/reliability.md): anything not retried, or retried in vain, ends in
                // the dead-letter channel with its exception
                errorHandler(deadLetterChannel("direct:dead").retriesExhaustedLogLevel(LoggingLevel.DEBUG)
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG));

                onException(ZaloApiException.class)
                        // judged after every failure (Camel keeps an onWhen choice for good: RedeliveryRouteTest)
                        .retryWhile(simple("${exception.retryable} == true && ${header.CamelRedeliveryCounter} <= "
                                           + MAX_REDELIVERIES))
                        .redeliveryDelay(20)
                        .asyncDelayedRedelivery()
                        // the test records every outcome itself; keep thousands of expected failures off the console
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                        .retriesExhaustedLogLevel(LoggingLevel.DEBUG)
                        .onExceptionOccurred(e -> {
                            ZaloApiException failure = e.getProperty(Exchange.EXCEPTION_CAUGHT,
                                    ZaloApiException.class);
                            if (failure != null) {
                                seen.computeIfAbsent(e.getIn().getHeader("msgId", Integer.class),
                                        k -> new ConcurrentLinkedQueue<>()).add(failure.getKind()
                                                + (failure.isRetryable() ? " retryable" : " final"));
                            }
                            if (failure != null && failure.mayHaveBeenProcessed()) {
                                metUnknownOutcome.add(e.getIn().getHeader("msgId", Integer.class));
                            }
                            Duration wait = failure != null ? failure.getRetryAfter() : null;
                            if (wait != null) {
                                // honour Retry-After, within reason
                                e.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), 2_000));
                            } else {
                                e.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
                            }
                        });

                from("direct:send").routeId("send")
                        .toD("${header.zaloUri}")
                        .process(e -> {
                            if (!delivered.add(e.getIn().getHeader("msgId", Integer.class))) {
                                throw new IllegalStateException("delivered twice");
                            }
                        });

                from("direct:dead").routeId("dead")
                        .process(e -> deadLettered.put(e.getIn().getHeader("msgId", Integer.class), e.copy()));
            }
        };
    }

    @Test
    void tenThousandSendsNothingLostNothingTwice() throws Exception {
        Map<String, Integer> figures = run("zalo:send", MESSAGES);

        // nobody got a message twice: the provider acted on each at most once ...
        List<Integer> duplicates = duplicates(MESSAGES);
        assertThat(duplicates).as("messages the provider acted on twice: %s", explain(duplicates)).isEmpty();
        // ... and on each delivered one exactly once
        assertThat(delivered).allMatch(id -> server.processedCount(id) == 1);
        LOG.info("load figures: {}", figures);
    }

    @Test
    void optingIntoUnknownOutcomesRetriesThemAndDuplicatesOnlyThose() throws Exception {
        run("zalo:send?retryUnknownOutcome=true", OPT_IN_MESSAGES);

        List<Integer> duplicates = duplicates(OPT_IN_MESSAGES);
        // a message can reach the customer twice only if a failure with an unknown outcome was retried
        assertThat(duplicates).as("duplicates: %s", explain(duplicates)).allMatch(metUnknownOutcome::contains);
        LOG.info("opt-in: {} duplicates out of {} messages that met an unknown outcome", duplicates.size(),
                metUnknownOutcome.size());
    }

    private Map<String, Integer> run(String zaloUri, int messages) throws Exception {
        context.getRouteController().startAllRoutes();
        Semaphore window = new Semaphore(CONCURRENCY);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>(messages);
        long start = System.nanoTime();
        for (int id = 0; id < messages; id++) {
            window.acquire();
            int msgId = id;
            CompletableFuture<Exchange> f = template.asyncSend("direct:send", e -> {
                e.getIn().setHeader("msgId", msgId);
                e.getIn().setHeader("zaloUri", zaloUri);
                e.getIn().setHeader(ZaloConstants.PHONE_NO, "0981234980");
                e.getIn().setBody("Xin chào msg-" + msgId);
            });
            // the counted future, so that waiting for all of them also waits for the counting
            sent.add(f.whenComplete((ex, error) -> {
                completions.incrementAndGet();
                window.release();
            }));
        }
        CompletableFuture.allOf(sent.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;

        // nothing lost: every message ended exactly once, delivered or dead-lettered
        assertThat(completions).hasValue(messages);
        assertThat(sent).allMatch(f -> f.join().getException() == null);
        assertThat(delivered.size() + deadLettered.size()).isEqualTo(messages);
        assertThat(delivered).doesNotContainAnyElementsOf(deadLettered.keySet());
        // every dead letter carries the exception that put it there and why it was not (or no longer) retried
        deadLettered.forEach((id, e) -> {
            Exception caught = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(caught).as("message %d", id).isInstanceOf(ZaloApiException.class);
            ZaloApiException z = (ZaloApiException) caught;
            assertThat(z.getKind()).isNotNull();
            assertThat(z.getMessage()).contains(z.getKind().name(), z.isRetryable() ? "retryable" : "not retryable");
            if (z.isRetryable()) {
                // a retryable failure is dead-lettered only once its redeliveries are spent
                assertThat(seen.get(id)).as("failures of message %d", id).hasSize(MAX_REDELIVERIES + 1);
            }
        });

        Map<String, Integer> figures = new LinkedHashMap<>();
        figures.put("messages", messages);
        figures.put("delivered", delivered.size());
        figures.put("deadLettered", deadLettered.size());
        figures.put("lost", messages - delivered.size() - deadLettered.size());
        figures.put("requestsRead", server.requestsRead.get());
        figures.put("millis", (int) millis);
        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        server.faultsApplied.forEach((k, v) -> faults.put(k, v.get()));
        Map<String, Long> deadByKind = deadLettered.values().stream().collect(Collectors.groupingBy(
                e -> e.getProperty(Exchange.EXCEPTION_CAUGHT, ZaloApiException.class).getKind().name(),
                Collectors.counting()));
        LOG.info("{} messages in {} ms; faults applied {}; dead letters by kind {}", messages, millis, faults,
                deadByKind);
        return figures;
    }

    /** For each message (the first 20): the faults the server applied and the failures the route saw. */
    private String explain(List<Integer> ids) {
        return ids.stream().limit(20).map(id -> id + ": server " + server.history.get(id) + ", route " + seen.get(id)
                                                + (delivered.contains(id) ? ", delivered" : ", dead-lettered"))
                .collect(Collectors.joining("; "));
    }

    private static List<Integer> duplicates(int messages) {
        List<Integer> duplicates = new ArrayList<>();
        for (int id = 0; id < messages; id++) {
            if (server.processedCount(id) > 1) {
                duplicates.add(id);
            }
        }
        return duplicates;
    }
}
