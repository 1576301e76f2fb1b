package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's webhook, as Zalo delivers to it: each event is POSTed, signed, to the URL; HTTP 200 within
 * {@code timeout} (2 s) is success; otherwise it is retried after 30 s, 5 min, 15 min, 30 min and 1 h (times the
 * {@code retryScale}, so a test can run the schedule in milliseconds), with a {@code num_retry} header, then given
 * up. Deliveries run in real time on the sandbox's own threads, up to {@code concurrency} at once, so their order
 * is not guaranteed (as with Zalo); with a concurrency of 1 they leave in order.
 * <p>
 * On request, the next events are each sent twice ({@link #duplicateNext(int)}), or held and sent as a batch in
 * reverse order ({@link #reverseNext(int)}); any delivery can be sent again ({@link #redeliver(long)}). Without a
 * URL, events are not made at all. The log keeps the latest 10,000 deliveries. Thread-safe.
 */
public final class Webhooks {

    /** Zalo's retry schedule after a failed delivery. */
    public static final List<Duration> RETRY_SCHEDULE = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
    static final int MAX_LOG = 10_000;

    private static final class Delivery {
        final long id;
        final WebhookEvent event;
        final String url;
        final Long duplicateOf;
        final Instant createdAt = Instant.now();
        final List<WebhookAttempt> attempts = new ArrayList<>();
        WebhookDelivery.Status status = WebhookDelivery.Status.PENDING;

        Delivery(long id, WebhookEvent event, String url, Long duplicateOf) {
            this.id = id;
            this.event = event;
            this.url = url;
            this.duplicateOf = duplicateOf;
        }

        WebhookDelivery snapshot() {
            return new WebhookDelivery(id, event, url, status, duplicateOf, createdAt, List.copyOf(attempts));
        }
    }

    private final int concurrency;
    private final Duration timeout;
    private final double retryScale;
    private final Map<Long, Delivery> log = new LinkedHashMap<>();
    private final List<Delivery> held = new ArrayList<>();
    private final List<Delivery> waiting = new ArrayList<>();
    private String url;
    private long nextId = 1;
    private int duplicateNext;
    private int reverseNext;
    private WebhookSender sender;

    Webhooks(String url, int concurrency, Duration timeout, double retryScale) {
        this.url = url;
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.retryScale = retryScale;
    }

    /** Where events go, or {@code null} when no webhook is configured. */
    public synchronized String url() {
        return url;
    }

    /** Sets the webhook URL; {@code null} or blank turns delivery off (events are then not made). */
    public synchronized void setUrl(String url) {
        this.url = url == null || url.isBlank() ? null : url.strip();
    }

    public boolean isConfigured() {
        return url() != null;
    }

    /** The next {@code count} events are each delivered twice, as Zalo sometimes does. */
    public synchronized void duplicateNext(int count) {
        this.duplicateNext = requireCount(count);
    }

    /**
     * The next {@code count} events are held back, then delivered together in reverse order (with a concurrency
     * above 1 their arrival order can still vary). {@link #releaseHeld()} sends a batch that is not yet full.
     */
    public synchronized void reverseNext(int count) {
        this.reverseNext = requireCount(count);
    }

    /** Sends the held events now, newest first. */
    public void releaseHeld() {
        List<Delivery> batch;
        synchronized (this) {
            batch = new ArrayList<>(held);
            held.clear();
            reverseNext = 0;
            Collections.reverse(batch);
            batch.forEach(d -> d.status = WebhookDelivery.Status.PENDING);
        }
        batch.forEach(d -> dispatch(d, 1, Duration.ZERO));
    }

    /** Sends a delivery's event again, as a new delivery marked as its duplicate, to the current URL. */
    public WebhookDelivery redeliver(long deliveryId) {
        Delivery copy;
        synchronized (this) {
            Delivery original = log.get(deliveryId);
            if (original == null) {
                throw new IllegalArgumentException("No webhook delivery " + deliveryId);
            }
            if (url == null) {
                throw new IllegalStateException("No webhook URL is configured");
            }
            copy = add(original.event, url, original.id);
        }
        dispatch(copy, 1, Duration.ZERO);
        return copy.snapshot();
    }

    /** Every delivery in the log, oldest first. */
    public synchronized List<WebhookDelivery> deliveries() {
        return log.values().stream().map(Delivery::snapshot).toList();
    }

    public synchronized Optional<WebhookDelivery> delivery(long id) {
        Delivery d = log.get(id);
        return d == null ? Optional.empty() : Optional.of(d.snapshot());
    }

    /** Deliveries still on their way or waiting for a retry (held ones not counted). */
    public synchronized int pending() {
        return (int) log.values().stream().filter(d -> d.status == WebhookDelivery.Status.PENDING).count();
    }

    /** Waits until no delivery is pending; {@code false} when the wait timed out. */
    public synchronized boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (pending() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Forgets every finished delivery. */
    public synchronized void clearLog() {
        log.values().removeIf(d -> d.status == WebhookDelivery.Status.DELIVERED
                                   || d.status == WebhookDelivery.Status.GIVEN_UP);
    }

    public Duration timeout() {
        return timeout;
    }

    public double retryScale() {
        return retryScale;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Delivers an event the sandbox made; nothing happens without a URL. */
    void publish(WebhookEvent event) {
        List<Delivery> now = new ArrayList<>();
        synchronized (this) {
            if (url == null) {
                return;
            }
            Delivery d = add(event, url, null);
            if (reverseNext > 0) {
                d.status = WebhookDelivery.Status.HELD;
                held.add(d);
                if (held.size() < reverseNext) {
                    return;
                }
            } else {
                now.add(d);
            }
            if (duplicateNext > 0) {
                duplicateNext--;
                Delivery twin = add(event, url, d.id);
                if (d.status == WebhookDelivery.Status.HELD) {
                    twin.status = WebhookDelivery.Status.HELD;
                    held.add(twin);
                } else {
                    now.add(twin);
                }
            }
        }
        if (!now.isEmpty()) {
            now.forEach(x -> dispatch(x, 1, Duration.ZERO));
        } else {
            releaseHeld();
        }
    }

    synchronized void start() {
        if (sender == null) {
            sender = new WebhookSender(concurrency, timeout, this::attempted);
            List<Delivery> resume = new ArrayList<>(waiting);
            waiting.clear();
            resume.forEach(d -> sender.send(job(d, d.attempts.size() + 1)));
        }
    }

    synchronized void stop() {
        if (sender != null) {
            sender.stop();
            sender = null;
        }
        notifyAll();
    }

    private void dispatch(Delivery d, int attempt, Duration delay) {
        WebhookSender s;
        synchronized (this) {
            s = sender;
            if (s == null) {
                waiting.add(d);
                return;
            }
        }
        if (delay.isZero()) {
            s.send(job(d, attempt));
        } else {
            s.sendLater(job(d, attempt), delay);
        }
    }

    private WebhookSender.Job job(Delivery d, int attempt) {
        return new WebhookSender.Job(d.id, d.url, d.event, attempt);
    }

    private void attempted(WebhookSender.Job job, WebhookAttempt attempt) {
        Duration retryIn = null;
        Delivery d;
        synchronized (this) {
            d = log.get(job.deliveryId());
            if (d == null) {
                return;
            }
            d.attempts.add(attempt);
            if (attempt.succeeded()) {
                d.status = WebhookDelivery.Status.DELIVERED;
            } else if (attempt.number() <= RETRY_SCHEDULE.size()) {
                Duration wait = RETRY_SCHEDULE.get(attempt.number() - 1);
                retryIn = Duration.ofNanos((long) (wait.toNanos() * retryScale));
            } else {
                d.status = WebhookDelivery.Status.GIVEN_UP;
            }
            notifyAll();
        }
        if (retryIn != null) {
            dispatch(d, attempt.number() + 1, retryIn.isZero() ? Duration.ofNanos(1) : retryIn);
        }
    }

    private Delivery add(WebhookEvent event, String to, Long duplicateOf) {
        Delivery d = new Delivery(nextId++, Objects.requireNonNull(event), to, duplicateOf);
        log.put(d.id, d);
        if (log.size() > MAX_LOG) {
            for (Iterator<Delivery> it = log.values().iterator(); it.hasNext() && log.size() > MAX_LOG;) {
                Delivery old = it.next();
                if (old.status == WebhookDelivery.Status.DELIVERED || old.status == WebhookDelivery.Status.GIVEN_UP) {
                    it.remove();
                }
            }
        }
        return d;
    }

    private static int requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The count must not be negative");
        }
        return count;
    }
}
