package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A webhook endpoint for the tests: records every POST as received and answers as scripted (default 200). */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Received(Headers headers, byte[] body, long nanoTime) {
        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            return SandboxJson.parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** How to answer one request: a status, after a delay. */
    record Answer(int status, long delayMillis) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private Answer otherwise = new Answer(200, 0);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(pool);
        server.createContext("/zalo/events", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Answer a;
            synchronized (this) {
                received.add(new Received(exchange.getRequestHeaders(), body, System.nanoTime()));
                a = script.isEmpty() ? otherwise : script.pollFirst();
                notifyAll();
            }
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(a.status(), -1);
            } catch (IOException e) {
                // the sandbox gave up waiting
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/zalo/events";
    }

    /** The next requests are answered in this order, then {@link #otherwise(int)}. */
    synchronized WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    synchronized WebhookReceiver otherwise(int status) {
        otherwise = new Answer(status, 0);
        return this;
    }

    /** Waits for {@code count} requests in all and returns every request so far. */
    synchronized List<Received> await(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " webhook requests, got " + received.size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return new ArrayList<>(received);
    }

    synchronized List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests of one event name. */
    synchronized List<Received> named(String eventName) {
        return received.stream().filter(r -> eventName.equals(r.json().path("event_name").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
