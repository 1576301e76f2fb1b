package io.github.camelzalo.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The one address in front of the replicas, as a load balancer gives them to Zalo: an HTTP server on 127.0.0.1 that
 * forwards each POST to the next replica, round robin. Adversarial where it matters: a request for an event it has
 * seen before (a duplicate, a retry) goes to another replica than the previous one, so that no replica can tell a
 * duplicate by memory of its own. For the first request of an event whose body {@code loseAnswer} matches, it
 * forwards the request and then drops the connection instead of passing the replica's answer on (the answer lost on the way
 * back, so Zalo sends again an event that was processed). Every forward is logged.
 */
final class Balancer implements AutoCloseable {

    private static final Pattern MSG_ID = Pattern.compile("\"msg_id\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * One request passed on.
     *
     * @param msgId      the event's {@code msg_id}, or {@code null}
     * @param numRetry   its {@code num_retry} header, 0 on a first try
     * @param backend    the replica it went to (0, 1, 2)
     * @param status     the replica's answer, 0 when there was none
     * @param dropped    whether the answer was dropped instead of passed on
     * @param startNanos when it came in ({@link System#nanoTime()})
     * @param endNanos   when the replica had answered
     */
    record Forward(String msgId, int numRetry, int backend, int status, boolean dropped, long startNanos,
            long endNanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> backends;
    private final Predicate<String> loseAnswer;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Integer> lastBackend = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Forward> log = new ConcurrentLinkedQueue<>();

    Balancer(List<URI> backends, Predicate<String> loseAnswer) throws IOException {
        this.backends = List.copyOf(backends);
        this.loseAnswer = loseAnswer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The address the sandbox delivers to: the path the replicas listen on. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Forward> log() {
        return List.copyOf(log);
    }

    private void forward(HttpExchange in) throws IOException {
        long start = System.nanoTime();
        try (in) {
            byte[] body = in.getRequestBody().readAllBytes();
            String json = new String(body, StandardCharsets.UTF_8);
            Matcher m = MSG_ID.matcher(json);
            String msgId = m.find() ? m.group(1) : null;
            String retry = in.getRequestHeaders().getFirst("num_retry");
            int numRetry = retry == null ? 0 : Integer.parseInt(retry.strip());
            boolean[] firstSeen = new boolean[1];
            int backend = pick(msgId, firstSeen);

            HttpRequest.Builder out = HttpRequest.newBuilder(backends.get(backend).resolve(in.getRequestURI()))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Content-Type", "X-ZEvent-Signature", "num_retry")) {
                String value = in.getRequestHeaders().getFirst(header);
                if (value != null) {
                    out.header(header, value);
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // the replica is gone: the connection to Zalo drops too, and Zalo sends again
                log.add(new Forward(msgId, numRetry, backend, 0, true, start, System.nanoTime()));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean drop = firstSeen[0] && loseAnswer.test(json);
            log.add(new Forward(msgId, numRetry, backend, answer.statusCode(), drop, start, System.nanoTime()));
            if (drop) {
                // closing the exchange before any answer was written closes the connection: Zalo sees no answer
                return;
            }
            in.getResponseHeaders().set("Content-Type",
                    answer.headers().firstValue("Content-Type").orElse("text/plain"));
            byte[] text = answer.body();
            in.sendResponseHeaders(answer.statusCode(), text.length == 0 ? -1 : text.length);
            if (text.length > 0) {
                try (OutputStream o = in.getResponseBody()) {
                    o.write(text);
                }
            }
        }
    }

    /**
     * Round robin; an event seen before goes to the replica after the one that had it last. {@code firstSeen} says
     * whether this is the first request for the event.
     */
    private int pick(String msgId, boolean[] firstSeen) {
        int n = backends.size();
        if (msgId == null) {
            return Math.floorMod(next.getAndIncrement(), n);
        }
        return lastBackend.compute(msgId, (k, last) -> {
            if (last == null) {
                firstSeen[0] = true;
                return Math.floorMod(next.getAndIncrement(), n);
            }
            return (last + 1) % n;
        });
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
