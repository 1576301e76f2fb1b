package io.github.camelzalo.component.zalo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelzalo.component.zalo.model.SendMessageResult;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Hundreds of calls in flight from one thread, none holding a thread while it waits. */
class AsyncProducerTest extends ZaloTestSupport {

    private static final int CALLS = 400;

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.setMaxConnections(200);
        zalo.setWorkerPoolSize(2);
    }

    @Test
    void oneThreadPutsHundredsOfCallsInFlightAndEachCompletesOnAWorker() throws Exception {
        stub(CARESOFT_SEND, caresoftOk().withFixedDelay(400));
        AsyncProducer producer = context.getEndpoint("zalo:send").createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(CALLS);
        AtomicInteger completedSynchronously = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
        Set<String> threadsBefore = clientSideThreads();

        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            exchange.getMessage().setBody("Tin nhắn số " + i);
            boolean sync = producer.process(exchange, doneSync -> {
                callbackThreads.add(Thread.currentThread().getName());
                if (exchange.getException() != null
                        || !(exchange.getMessage().getBody() instanceof SendMessageResult)) {
                    failures.incrementAndGet();
                }
                done.countDown();
            });
            if (sync) {
                completedSynchronously.incrementAndGet();
            }
        }
        long launchMillis = (System.nanoTime() - start) / 1_000_000;
        Set<String> threadsInFlight = clientSideThreads();
        threadsInFlight.removeAll(threadsBefore);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(completedSynchronously.get()).as("process() returned false: asynchronous").isZero();
        assertThat(launchMillis).as("launching did not wait for 400 answers of 400 ms each").isLessThan(10_000);
        assertThat(failures.get()).isZero();
        assertThat(threadsInFlight).as("no thread per call: only HttpClient's I/O threads and the workers")
                .hasSizeLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 4);
        assertThat(callbackThreads).allMatch(name -> name.contains("ZaloWorker"));
        assertThat(callbackThreads).hasSizeLessThanOrEqualTo(2);
        wireMock.verify(CALLS, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
        producer.stop();
    }

    @Test
    void aSlowStepAfterZaloDoesNotStallOtherExchangesIo() throws Exception {
        stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER));
        AsyncProducer producer = context.getEndpoint("zalo:userStatus").createAsyncProducer();
        producer.start();
        CountDownLatch blockers = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(20);
        try {
            // occupy both worker threads with a "slow downstream step"
            for (int i = 0; i < 2; i++) {
                Exchange e = new DefaultExchange(context);
                e.getMessage().setBody("0981234980");
                producer.process(e, doneSync -> awaitQuietly(blockers));
            }
            // other calls still go out and their answers are read while the workers are busy
            for (int i = 0; i < 20; i++) {
                Exchange e = new DefaultExchange(context);
                e.getMessage().setBody("0981234980");
                producer.process(e, doneSync -> answered.countDown());
            }
            waitForRequests(22);
            assertThat(wireMock.getAllServeEvents()).hasSize(22);
        } finally {
            blockers.countDown();
        }
        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        producer.stop();
    }

    /** The JVM's threads but the test server's (WireMock runs in this JVM on Jetty's qtp pool). */
    private static Set<String> clientSideThreads() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> !n.startsWith("qtp") && !n.contains("WireMock") && !n.startsWith("pool-"))
                .forEach(names::add);
        return names;
    }

    private static void waitForRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wireMock.getAllServeEvents().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
