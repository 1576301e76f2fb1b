package io.github.camelzalo.component.zalo.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelzalo.component.zalo.ZaloAppAccount;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.health.ZaloHealthChecks;
import io.github.camelzalo.component.zalo.management.ZaloEventOutcome;
import io.github.camelzalo.component.zalo.model.event.DeliveryEvent;
import io.github.camelzalo.component.zalo.model.event.ZaloEvent;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of {@code from("zalo:events")}: takes the verified events of its OA ({@code oaId}, or every OA) and
 * names ({@code events}) from its webhook path, drops duplicates, and runs the route with a {@link ZaloEvent} body on
 * its own bounded pool. Zalo's answer follows {@code ackMode}; a de-duplication key is kept only when the route
 * succeeded, so an event that failed is processed again when Zalo sends it again. With a
 * {@link LeasedIdempotentRepository} (shared by replicas), a duplicate of an event still in flight is answered 503,
 * not 200, so that Zalo's retries still find the event should the instance running it die.
 */
public class ZaloEventsConsumer extends DefaultConsumer implements ZaloEventsStats, ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloEventsConsumer.class);
    private static final int DEFAULT_REPOSITORY_SIZE = 10_000;

    private final ZaloEventsConfiguration options;
    private final String oaId;
    private final ZaloAppAccount app;
    private final WebhookPaths paths;
    private final List<String> exactNames = new ArrayList<>();
    private final List<String> namePrefixes = new ArrayList<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ackedLate = new LongAdder();
    private final LongAdder failedAfterAck = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder refusedInFlight = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private IdempotentRepository repository;
    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private volatile EventsWebhook webhook;

    /**
     * @param oaId the only OA whose events this consumer takes, or {@code null} for every OA
     */
    public ZaloEventsConsumer(Endpoint endpoint, Processor processor, ZaloEventsConfiguration options, String oaId,
                              ZaloAppAccount app, WebhookPaths paths) {
        super(endpoint, processor);
        this.options = options;
        this.oaId = oaId;
        this.app = app;
        this.paths = paths;
        if (options.getEvents() != null) {
            for (String name : options.getEvents().split(",")) {
                String n = name.strip();
                if (n.endsWith("*")) {
                    namePrefixes.add(n.substring(0, n.length() - 1));
                } else if (!n.isEmpty()) {
                    exactNames.add(n);
                }
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        repository = options.getIdempotentRepository() != null ? options.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        ServiceHelper.startService(repository);
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("ZaloEvents");
        profile.setPoolSize(options.getConcurrentConsumers());
        profile.setMaxPoolSize(options.getConcurrentConsumers());
        profile.setMaxQueueSize(options.getEventQueueSize());
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        pool = executors.newThreadPool(this, "ZaloEvents", profile);
        timer = executors.newSingleThreadScheduledExecutor(this, "ZaloEventsAck");
        String path = options.getWebhookPath();
        webhook = paths.join(getEndpoint().getCamelContext(), this, path,
                new EventsWebhook.Settings(options.getMaxBodySize(), options.getReplayWindow(),
                        options.isVerifySignature()), app);
        // Camel's consumers health-check repository shows it as consumer:<routeId>
        setHealthCheck(ZaloHealthChecks.forEvents(this, getEndpoint()));
        LOG.debug("zalo:events consumer on {} takes {} of {}, ackMode {}", path,
                options.getEvents() == null ? "every event" : options.getEvents(),
                oaId == null ? "every OA" : "OA " + oaId, options.getAckMode());
    }

    @Override
    protected void doStop() throws Exception {
        EventsWebhook w = webhook;
        webhook = null;
        if (w != null) {
            paths.leave(w, this);
        }
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (pool != null) {
            // the events queued or running finish: each was taken, and may already have had its 200
            executors.shutdownGraceful(pool);
            pool = null;
        }
        if (timer != null) {
            executors.shutdownNow(timer);
            timer = null;
        }
        if (options.getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    boolean isCatchAll() {
        return oaId == null;
    }

    boolean takesOa(String eventOa) {
        return oaId == null || oaId.equals(eventOa);
    }

    boolean takesEvent(String name) {
        if (exactNames.isEmpty() && namePrefixes.isEmpty()) {
            return true;
        }
        if (exactNames.contains(name)) {
            return true;
        }
        for (String prefix : namePrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    boolean filtered(EventEnvelope event, Exchange http, AsyncCallback callback) {
        filtered.increment();
        record(ZaloEventOutcome.FILTERED, event);
        LOG.debug("zalo:events: {} of OA {} is not taken by the route; answered 200 and dropped", event.eventName(),
                event.oaId());
        return EventsWebhook.answered(http, callback, 200, "not taken here");
    }

    /**
     * Takes a verified event: drops a duplicate, refuses one whose first delivery is still in flight (on a shared
     * repository that tells it), else queues the route and answers as {@code ackMode} says.
     */
    boolean receive(EventEnvelope envelope, byte[] body, Exchange http, AsyncCallback callback) {
        String key = envelope.key();
        if (!repository.add(key)) {
            if (repository instanceof LeasedIdempotentRepository leased && !leased.isConfirmed(key)) {
                // its route runs (here or on another replica) and may yet fail or die with its JVM: a 200 now would
                // lose the event then, so Zalo is asked to send it again, when its key is confirmed or free again
                refusedInFlight.increment();
                record(ZaloEventOutcome.REFUSED_IN_FLIGHT, envelope);
                LOG.debug("zalo:events: {} is in flight, not yet processed; this delivery refused with 503", key);
                return EventsWebhook.answered(http, callback, 503, "in flight: send it again later");
            }
            duplicates.increment();
            record(ZaloEventOutcome.DUPLICATE, envelope);
            LOG.debug("zalo:events: duplicate of {} answered 200 and dropped", key);
            return EventsWebhook.answered(http, callback, 200, "duplicate");
        }
        Exchange exchange;
        try {
            ZaloEvent event = EventFactory.create(envelope, body);
            exchange = createExchange(false);
            fill(exchange.getIn(), event);
        } catch (RuntimeException e) {
            // not taken after all: Zalo's next try must not look like a duplicate
            repository.remove(key);
            throw e;
        }
        Answer answer = new Answer(http, callback);
        inFlight.incrementAndGet();
        ExecutorService p = pool;
        try {
            if (p == null || webhook == null) {
                throw new RejectedExecutionException("stopping");
            }
            p.execute(() -> run(exchange, answer, key, envelope));
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            repository.remove(key);
            releaseExchange(exchange, false);
            refused.increment();
            record(ZaloEventOutcome.REFUSED_FULL, envelope);
            LOG.debug("zalo:events: {} refused with 503, {} events are queued or running", key, inFlight.get());
            answer.send(503, "busy: send it again later");
            return false;
        }
        accepted.increment();
        record(ZaloEventOutcome.ACCEPTED, envelope);
        if (options.getAckMode() == EventAckMode.immediate) {
            answer.send(200, "accepted");
        } else {
            try {
                answer.timeout = timer.schedule(() -> {
                    if (answer.claim()) {
                        ackedLate.increment();
                        record(ZaloEventOutcome.ACKED_LATE, envelope);
                        LOG.debug("zalo:events: {} answered 200 at ackTimeout; its route goes on", key);
                        answer.write(200, "accepted");
                    }
                }, options.getAckTimeout(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping: the route's own end answers
            }
        }
        return false;
    }

    private void run(Exchange exchange, Answer answer, String key, EventEnvelope envelope) {
        try {
            getAsyncProcessor().process(exchange, doneSync -> finished(exchange, answer, key, envelope));
        } catch (Throwable e) {
            exchange.setException(e);
            finished(exchange, answer, key, envelope);
        }
    }

    private void finished(Exchange exchange, Answer answer, String key, EventEnvelope envelope) {
        try {
            if (!exchange.isFailed() && !exchange.isRollbackOnly()) {
                repository.confirm(key);
                completed.increment();
                record(ZaloEventOutcome.COMPLETED, envelope);
                answer.send(200, "ok");
            } else {
                // not kept: when Zalo sends the event again it is processed again
                repository.remove(key);
                if (answer.claim()) {
                    failed.increment();
                    record(ZaloEventOutcome.FAILED, envelope);
                    answer.write(500, "the event was not processed");
                } else {
                    failedAfterAck.increment();
                    record(ZaloEventOutcome.FAILED_AFTER_ACK, envelope);
                    LOG.warn("The route of zalo:events failed on {} after Zalo had been answered 200: Zalo will not"
                             + " send it again, only the route's error handler had it ({})", key,
                            exchange.getException() == null ? "rolled back"
                                    : exchange.getException().getClass().getName());
                }
            }
        } finally {
            inFlight.decrementAndGet();
            releaseExchange(exchange, false);
        }
    }

    /** Tells monitoring of a verified event's step, through the path's webhook. */
    private void record(String outcome, EventEnvelope event) {
        EventsWebhook w = webhook;
        if (w != null) {
            w.record(outcome, null, event);
        }
    }

    private static void fill(Message in, ZaloEvent event) {
        in.setBody(event);
        in.setHeader(ZaloConstants.EVENT_NAME, event.getEventName());
        in.setHeader(ZaloConstants.USER_ID, event.getUserId());
        in.setHeader(ZaloConstants.OA_ID, event.getOaId());
        in.setHeader(ZaloConstants.EVENT_TIME, event.getTimestamp());
        if (event.getMessageId() != null) {
            in.setHeader(ZaloConstants.MESSAGE_ID, event.getMessageId());
        }
        if (event instanceof DeliveryEvent d && d.getTrackingId() != null) {
            in.setHeader(ZaloConstants.TRACKING_ID, d.getTrackingId());
        }
    }

    /** The one answer a request gets, whichever comes first: the route's end, the ack timeout, a refusal. */
    private static final class Answer {
        private final Exchange http;
        private final AsyncCallback callback;
        private final AtomicBoolean sent = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        Answer(Exchange http, AsyncCallback callback) {
            this.http = http;
            this.callback = callback;
        }

        /** @return whether this call answered */
        boolean send(int status, String text) {
            if (!claim()) {
                return false;
            }
            write(status, text);
            return true;
        }

        /**
         * Takes the right to answer, so that the counters are updated before Zalo (or a test) can see the answer.
         *
         * @return whether the caller may now {@link #write}
         */
        boolean claim() {
            return sent.compareAndSet(false, true);
        }

        /** Writes the answer, once {@link #claim()} returned {@code true}. */
        void write(int status, String text) {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            HttpAnswer.write(http, status, text);
            callback.done(false);
        }
    }

    // ---- ZaloEventsStats

    @Override
    public long getReceived() {
        EventsWebhook w = webhook;
        return w == null ? 0 : w.received();
    }

    @Override
    public Map<EventRejection, Long> getRejected() {
        EventsWebhook w = webhook;
        if (w == null) {
            Map<EventRejection, Long> none = new java.util.EnumMap<>(EventRejection.class);
            for (EventRejection r : EventRejection.values()) {
                none.put(r, 0L);
            }
            return none;
        }
        return w.rejected();
    }

    @Override
    public long getUnclaimed() {
        EventsWebhook w = webhook;
        return w == null ? 0 : w.unclaimed();
    }

    @Override
    public String getWebhookPath() {
        return options.getWebhookPath();
    }

    @Override
    public boolean isWebhookServed() {
        EventsWebhook w = webhook;
        return w != null && w.isServing() && isRunAllowed() && !isSuspended();
    }

    @Override
    public String getWebhookUrl() {
        EventsWebhook w = webhook;
        return w == null ? null : w.serviceUrl();
    }

    @Override
    public Instant getLastVerifiedAt() {
        EventsWebhook w = webhook;
        return w == null || w.lastVerifiedAt() == 0 ? null : Instant.ofEpochMilli(w.lastVerifiedAt());
    }

    @Override
    public Instant getLastVerificationFailureAt() {
        EventsWebhook w = webhook;
        return w == null || w.lastVerificationFailureAt() == 0 ? null
                : Instant.ofEpochMilli(w.lastVerificationFailureAt());
    }

    @Override
    public EventRejection getLastVerificationFailure() {
        EventsWebhook w = webhook;
        return w == null ? null : w.lastVerificationFailure();
    }

    @Override
    public long getVerificationFailuresSinceVerified() {
        EventsWebhook w = webhook;
        return w == null ? 0 : w.failuresSinceVerified();
    }

    @Override
    public long getAccepted() {
        return accepted.sum();
    }

    @Override
    public long getDuplicates() {
        return duplicates.sum();
    }

    @Override
    public long getFiltered() {
        return filtered.sum();
    }

    @Override
    public long getCompleted() {
        return completed.sum();
    }

    @Override
    public long getFailed() {
        return failed.sum();
    }

    @Override
    public long getAckedLate() {
        return ackedLate.sum();
    }

    @Override
    public long getFailedAfterAck() {
        return failedAfterAck.sum();
    }

    @Override
    public long getRefusedWhenFull() {
        return refused.sum();
    }

    @Override
    public long getRefusedInFlight() {
        return refusedInFlight.sum();
    }

    @Override
    public int getInFlight() {
        return inFlight.get();
    }

    // ---- ShutdownAware: Camel's graceful shutdown waits for the events taken

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        return inFlight.get();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // nothing to prepare: stop() lets the pool finish
    }
}
