package io.github.camelzalo.benchmark;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The events case: Zalo's webhook POSTs, signed, to {@code from("zalo:events")} (signature check, replay window,
 * de-duplication, a typed event, a trivial route that counts it), against a bare platform-http route on the same
 * vert.x server that answers 200 to the same bodies. Both in one Camel Main; the senders (the JDK HttpClient, one
 * thread each) in the same JVM, and the bodies signed before the clock starts.
 */
final class EventsRun {

    static final String APP_ID = "2771862381437218000";
    static final String OA_ID = "1600190000752846";
    static final String OA_KEY = "benchmark-oa-secret-key";

    /** What one run of {@code requests} POSTs gave. */
    record Result(String label, int callers, int requests, double seconds, long[] millis, long errors) {
        double perSecond() {
            return requests / seconds;
        }

        long percentile(double p) {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
        }
    }

    private final Main main = new Main();
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    private final HttpClient client;
    private final String base;

    EventsRun(int callers) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.zalo.zalo.app-id", APP_ID);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        // the consumer's threads and queue sized for the senders: every POST is answered after its route
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events?concurrentConsumers=" + callers + "&eventQueueSize=" + (callers * 4))
                        .routeId("events")
                        .process(e -> processed.computeIfAbsent(
                                e.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class),
                                k -> new AtomicInteger()).incrementAndGet());
                from("platform-http:/bare").routeId("bare")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
                        .setBody(constant("ok"));
            }
        });
        main.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads).connectTimeout(Duration.ofSeconds(5)).build();
    }

    void stop() {
        main.stop();
        clientThreads.shutdownNow();
    }

    /** Distinct signed text events, as Zalo sends them. */
    List<byte[][]> bodies(int count) throws Exception {
        List<byte[][]> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ts = Long.toString(System.currentTimeMillis());
            String body = "{\"app_id\":\"" + APP_ID + "\",\"sender\":{\"id\":\"2468013579135792468\"},"
                          + "\"recipient\":{\"id\":\"" + OA_ID + "\"},\"user_id_by_app\":\"5522001133557799\","
                          + "\"event_name\":\"user_send_text\",\"message\":{\"msg_id\":\"bench-"
                          + sequence.incrementAndGet() + "\",\"text\":\"Cho tôi hỏi đơn hàng DH" + i + "\"},"
                          + "\"timestamp\":\"" + ts + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(APP_ID.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
            sha.update((ts + OA_KEY).getBytes(StandardCharsets.UTF_8));
            list.add(new byte[][] { bytes, ("mac=" + HexFormat.of().formatHex(sha.digest()))
                    .getBytes(StandardCharsets.US_ASCII) });
        }
        return list;
    }

    /** POSTs every body once, {@code callers} at a time, to {@code path}; the answer time of each. */
    Result post(String label, String path, List<byte[][]> bodies, int callers) throws Exception {
        long[] millis = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(callers);
        ExecutorService senders = Executors.newFixedThreadPool(callers);
        URI uri = URI.create(base + path);
        long t0 = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            senders.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        byte[][] b = bodies.get(i);
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("X-ZEvent-Signature", new String(b[1], StandardCharsets.US_ASCII))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(b[0])).build();
                        long s = System.nanoTime();
                        try {
                            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        millis[i] = (System.nanoTime() - s) / 1_000_000;
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        senders.shutdown();
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        return new Result(label, callers, bodies.size(), seconds, sorted, errors.get());
    }

    /** How many distinct events the route processed, and how many it processed more than once. */
    long[] processedAndTwice() {
        long twice = processed.values().stream().filter(n -> n.get() > 1).count();
        return new long[] { processed.size(), twice };
    }

    void clearProcessed() {
        processed.clear();
    }

    ZaloEventsStats stats() {
        return (ZaloEventsStats) main.getCamelContext().getRoute("events").getConsumer();
    }
}
