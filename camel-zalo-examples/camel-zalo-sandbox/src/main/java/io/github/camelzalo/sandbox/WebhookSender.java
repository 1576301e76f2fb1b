package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webhook POSTs on the sandbox's own threads: the JDK HttpClient, asynchronous, at most {@code concurrency}
 * at a time, each given {@code timeout} for its answer; retries wait on a timer. What each attempt gave is handed
 * to {@code onAttempt}. No body and no signature is logged.
 */
final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /** What to send: the delivery's id, where, the event, and which attempt (1 = the first try). */
    record Job(long deliveryId, String url, WebhookEvent event, int number) {
    }

    private final int concurrency;
    private final Duration timeout;
    private final BiConsumer<Job, WebhookAttempt> onAttempt;
    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private final Deque<Job> queue = new ArrayDeque<>();
    private int inFlight;
    private volatile boolean stopped;

    WebhookSender(int concurrency, Duration timeout, BiConsumer<Job, WebhookAttempt> onAttempt) {
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.onAttempt = onAttempt;
        this.io = Executors.newFixedThreadPool(2, new Threads("zalo-sandbox-webhook-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(new Threads("zalo-sandbox-webhook-timer-"));
        this.client = HttpClient.newBuilder().executor(io).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends as soon as a slot is free. */
    void send(Job job) {
        synchronized (this) {
            queue.addLast(job);
        }
        pump();
    }

    /** Sends after {@code delay}. */
    void sendLater(Job job, Duration delay) {
        try {
            timer.schedule(() -> send(job), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopped: the delivery stays pending
        }
    }

    void stop() {
        stopped = true;
        timer.shutdownNow();
        io.shutdownNow();
    }

    private void pump() {
        while (true) {
            Job job;
            synchronized (this) {
                if (stopped || inFlight >= concurrency || queue.isEmpty()) {
                    return;
                }
                job = queue.pollFirst();
                inFlight++;
            }
            post(job);
        }
    }

    private void post(Job job) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(job.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, job.event().signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(job.event().body()));
            if (job.number() > 1) {
                request.header("num_retry", Integer.toString(job.number() - 1));
            }
        } catch (IllegalArgumentException e) {
            finish(job, new WebhookAttempt(job.number(), job.number() > 1 ? job.number() - 1 : null, started, 0, 0,
                    "invalid webhook URL"));
            return;
        }
        try {
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, e) -> {
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Integer numRetry = job.number() > 1 ? job.number() - 1 : null;
                WebhookAttempt attempt = e == null
                        ? new WebhookAttempt(job.number(), numRetry, started, millis, answer.statusCode(), null)
                        : new WebhookAttempt(job.number(), numRetry, started, millis, 0, describe(e));
                finish(job, attempt);
            });
        } catch (RejectedExecutionException e) {
            finish(job, new WebhookAttempt(job.number(), null, started, 0, 0, "sandbox stopped"));
        }
    }

    private void finish(Job job, WebhookAttempt attempt) {
        if (!attempt.succeeded()) {
            LOG.debug("Webhook delivery {} attempt {} of {} failed: {} {}", job.deliveryId(), attempt.number(),
                    job.event().eventName(), attempt.httpStatus(), attempt.error());
        }
        try {
            onAttempt.accept(job, attempt);
        } finally {
            synchronized (this) {
                inFlight--;
            }
            pump();
        }
    }

    private String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof CompletionException
                ? e.getCause() : e;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    private static final class Threads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Threads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
