package io.github.camelzalo.component.zalo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.auth.TokenUnavailableException;
import io.github.camelzalo.component.zalo.model.ZnsRequest;
import io.github.camelzalo.component.zalo.pacing.AccountRateLimit;
import io.github.camelzalo.component.zalo.pacing.PacerWait;
import io.github.camelzalo.component.zalo.pacing.PermitCallback;
import io.github.camelzalo.component.zalo.pacing.RateLimiterUnavailableException;
import io.github.camelzalo.component.zalo.provider.Credential;
import io.github.camelzalo.component.zalo.provider.ProviderErrors;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpCall;
import io.github.camelzalo.component.zalo.transport.HttpReply;
import io.github.camelzalo.component.zalo.transport.TransportException;
import io.github.camelzalo.component.zalo.transport.WriteGate;
import io.github.camelzalo.component.zalo.transport.ZaloHttpTransport;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous producer: reads and validates the request on the caller's thread, sends it without blocking,
 * and returns at once. The answer is parsed and the route continues on the component's worker pool, never on
 * HttpClient's I/O threads, so a slow step after {@code zalo:} cannot stall the I/O of other exchanges.
 * <p>
 * A call to the official API first gets the OA's access token (at once when it is in hand, else when the token
 * manager has one). When the provider account is paced, a call then waits for its permit (holding no thread), then,
 * once it has its connection, for its turn to be written; an answer 429 (Zalo: -32) makes it wait for a new permit and
 * go again, up to {@code rateLimitRetries} times; Zalo refusing the access token makes it go again once with a new
 * one; a paged operation goes again for each further page. All of it within {@code requestTimeout}, counted from the
 * moment the exchange reaches the producer.
 */
public class ZaloProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloProducer.class);

    private final ZaloEndpoint endpoint;

    public ZaloProducer(ZaloEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return process(endpoint.getBoundOperation(), exchange, callback);
    }

    private <R, T> boolean process(BoundOperation<R, T> bound, Exchange exchange, AsyncCallback callback) {
        R request;
        WireRequest wire;
        try {
            request = bound.binding.read(exchange, endpoint.getConfiguration());
            wire = bound.wire(request);
        } catch (Exception e) {
            exchange.setException(e);
            endpoint.callFinished(e, 0, -1, 0);
            callback.done(true);
            return true;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("zalo:{} via {}: sending {}", bound.operation, bound.provider.id(), request);
        }
        // looked up per call, so a restarted component's new client is used by producers that were not restarted
        ZaloComponent component = endpoint.getComponent();
        ZaloHttpTransport transport = component.getTransport();
        if (transport == null) {
            IllegalStateException stopped = new IllegalStateException("The zalo component is not started");
            exchange.setException(stopped);
            endpoint.callFinished(stopped, 0, -1, 0);
            callback.done(true);
            return true;
        }
        Trip<R, T> trip = new Trip<>(bound, exchange, request, wire, callback, component, transport,
                endpoint.getPacer());
        if (request instanceof ZnsRequest zns && endpoint.getConfiguration().isValidateTemplateData()) {
            trip.startAfter(component.znsTemplateCheck().check(zns));
        } else {
            trip.start();
        }
        return false;
    }

    /**
     * One exchange's way to the provider and back: credential (an OA's access token for the official API), permit
     * (when paced), send, turn to be written (when paced), answer; then again after a 429, once with a new access
     * token after Zalo refused one, and for each further page of a paged operation. It is its own answer callback
     * and worker task, so that a call with a static API key allocates no lambdas on the way.
     * <p>
     * Every way in (start, permit, abandonment, timeout, stop, answer) ends in {@link #finish}, whatever is thrown on
     * the way: nothing a provider sends, and no failure while building the exception, can leave the exchange
     * without its {@code done}, and {@code done} is called once. While the call waits for a permit it is
     * {@code WAITING}; whoever moves it on from there (the permit, its deadline, the pacer or the component
     * stopping) does so alone.
     */
    private final class Trip<R, T>
            implements PermitCallback, BiConsumer<HttpReply, Throwable>, Runnable, WriteGate, PendingCalls.Call {

        /** What {@link #answered} returns when the call goes again instead of finishing. */
        private static final Throwable RESENT = new Throwable("resent", null, false, false) {
        };
        private static final int WAITING = 0;
        private static final int SENDING = 1;
        private static final int DONE = 2;

        private final BoundOperation<R, T> bound;
        private final Exchange exchange;
        private final String oaId;
        private R request;
        private WireRequest wire;
        private volatile Credential credential;
        /** Whether the call already went again with a new access token after Zalo refused one. */
        private boolean reauthorized;
        /** The pages read so far, of a paged operation. */
        private T soFar;
        private final AsyncCallback callback;
        private final ZaloComponent component;
        private final ZaloHttpTransport transport;
        private final AccountRateLimit pacer;
        private final long started = System.nanoTime();
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(SENDING);
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile PacerWait permitWait;
        private volatile ScheduledFuture<?> waitTimer;
        /** The last 429 of a call that waits to go again: what it ends with if its time runs out first. */
        private volatile ProviderFailure lastRateLimited;
        private long permit;
        private int resends;
        /** When the call began to wait for its latest permit, and how long it waited for permits in all. */
        private volatile long waitingSince;
        private volatile long permitWaited;
        private HttpReply reply;
        private Throwable error;

        Trip(BoundOperation<R, T> bound, Exchange exchange, R request, WireRequest wire, AsyncCallback callback,
             ZaloComponent component, ZaloHttpTransport transport, AccountRateLimit pacer) {
            this.bound = bound;
            this.exchange = exchange;
            this.request = request;
            this.wire = wire;
            this.oaId = bound.oaId(request);
            this.callback = callback;
            this.component = component;
            this.transport = transport;
            this.pacer = pacer;
            this.deadline = started + bound.requestTimeout().toNanos();
        }

        /** On the caller's thread. */
        void start() {
            component.getPendingCalls().add(this);
            try {
                Credential now = bound.credentials.now(oaId);
                if (now != null) {
                    credential = now;
                    acquireOrSend();
                } else {
                    bound.credentials.credential(oaId).whenComplete(this::credentialReady);
                }
            } catch (Throwable t) {
                // e.g. the HTTP client was closed underneath us: nothing is in flight
                finish(t);
            }
        }

        /** Starts once {@code check} completes, or ends the exchange with what it failed with. */
        void startAfter(CompletableFuture<?> check) {
            check.whenComplete((ok, failure) -> {
                if (failure != null) {
                    Throwable cause = unwrap(failure);
                    continueOnWorker(() -> finish(cause));
                } else {
                    start();
                }
            });
        }

        /**
         * The access token is there: on the caller's thread when it was in hand, else on a worker. The permit comes
         * after it, so that a call waiting for a refresh holds no slot of the rate limit.
         */
        private void credentialReady(Credential c, Throwable failure) {
            try {
                if (failure != null) {
                    Throwable cause = unwrap(failure);
                    continueOnWorker(() -> finish(cause instanceof TokenUnavailableException t
                            ? endpoint.getFailures().of(t) : cause));
                    return;
                }
                credential = c;
                acquireOrSend();
            } catch (Throwable t) {
                continueOnWorker(() -> finish(t));
            }
        }

        private void acquireOrSend() {
            if (pacer != null) {
                awaitPermit();
            } else {
                send();
            }
        }

        /** Queues for a permit, until the call's deadline. */
        private void awaitPermit() {
            waitingSince = System.nanoTime();
            state.set(WAITING);
            long left = deadline - System.nanoTime();
            ScheduledExecutorService timer = component.getDeadlines();
            if (left <= 0) {
                endWaiting(this::outOfTime);
                return;
            }
            try {
                if (timer == null) {
                    throw new RejectedExecutionException("stopped");
                }
                waitTimer = timer.schedule(this::waitTimedOut, left, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                endWaiting(() -> endpoint.getFailures().stoppedBeforeSending(null));
                return;
            }
            permitWait = pacer.acquire(endpoint, this);
        }

        @Override
        public void onPermit(long permit) {
            if (!state.compareAndSet(WAITING, SENDING)) {
                // its time ran out, or it was stopped, while the permit was on its way
                return;
            }
            cancelWaitTimer();
            this.permit = permit;
            permitWaited += System.nanoTime() - waitingSince;
            try {
                send();
            } catch (Throwable t) {
                // may run on the pacing timer: finish on a worker so the rest of the route never runs there
                continueOnWorker(() -> finish(t));
            }
        }

        private void send() {
            HttpCall call = bound.call(wire, credential);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                continueOnWorker(() -> failWith(this::outOfTime));
                return;
            }
            // what is left of the call's time, after any wait for a token, a permit or an earlier page
            transport.execute(call.withRequestTimeout(Duration.ofNanos(left)), pacer == null ? null : this)
                    .whenComplete(this);
        }

        /** The call has its connection: its turn to be written, so that what the provider sees keeps to the limit. */
        @Override
        public Turn awaitTurn(Runnable go, Consumer<Exception> refused) {
            PacerWait wait = pacer.awaitWrite(go, refused);
            return wait::cancel;
        }

        /** On the deadline timer: the call's time ran out while it waited for a permit. */
        private void waitTimedOut() {
            if (state.compareAndSet(WAITING, DONE)) {
                cancelPermitWait();
                continueOnWorker(() -> failWith(this::outOfTime));
            }
        }

        /** What a call whose time ran out before it could go (again) ends with. */
        private Throwable outOfTime() {
            ProviderFailure last = lastRateLimited;
            return last != null ? endpoint.getFailures().of(last) : endpoint.getFailures().waitedTooLong();
        }

        /** The component stops: a call still waiting for its permit ends now, here, not sent. */
        @Override
        public void stopWaiting() {
            if (state.compareAndSet(WAITING, DONE)) {
                cancelWaitTimer();
                cancelPermitWait();
                failWith(() -> endpoint.getFailures().stoppedBeforeSending(null));
            }
        }

        /**
         * The pacer stopped (its endpoint stopped) before the call's turn came, or a shared rate limiter could not be
         * reached: not sent.
         */
        @Override
        public void onAbandoned(Exception cause) {
            if (state.compareAndSet(WAITING, DONE)) {
                cancelWaitTimer();
                continueOnWorker(() -> failWith(() -> cause instanceof RateLimiterUnavailableException unavailable
                        ? endpoint.getFailures().limiterUnavailable(unavailable)
                        : endpoint.getFailures().stoppedBeforeSending(cause)));
            }
        }

        private void endWaiting(Supplier<Throwable> failure) {
            if (state.compareAndSet(WAITING, DONE)) {
                failWith(failure);
            }
        }

        private void cancelWaitTimer() {
            ScheduledFuture<?> t = waitTimer;
            if (t != null) {
                t.cancel(false);
            }
        }

        private void cancelPermitWait() {
            PacerWait w = permitWait;
            if (w != null) {
                w.cancel();
            }
        }

        /** The answer, on an I/O thread: read it on a worker. */
        @Override
        public void accept(HttpReply reply, Throwable error) {
            this.reply = reply;
            this.error = error;
            continueOnWorker(this);
        }

        @Override
        public void run() {
            Throwable failure;
            try {
                failure = answered(reply, error);
            } catch (Throwable t) {
                // building the exception failed: the exchange still ends, with what went wrong
                failure = t;
            }
            if (failure != RESENT) {
                finish(failure);
            }
        }

        /** @return the failure to end the exchange with, {@code null} for a success, or {@link #RESENT} */
        private Throwable answered(HttpReply reply, Throwable error) {
            try {
                if (error != null) {
                    throw error;
                }
                T result = bound.codec.decode(request, ProviderErrors.notRedirected(reply));
                if (pacer != null) {
                    pacer.answered(permit);
                }
                if (bound.pages != null) {
                    T pages = soFar == null ? result : bound.pages.merge(soFar, result);
                    R next = bound.pages.next(request, pages, result);
                    if (next != null) {
                        soFar = pages;
                        request = next;
                        wire = bound.wire(next);
                        acquireOrSend();
                        return RESENT;
                    }
                    result = pages;
                }
                bound.binding.write(exchange, result);
                exchange.getMessage().setHeader(ZaloConstants.PROVIDER, bound.provider.id());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("zalo:{} via {}: HTTP {} in {} ms", bound.operation, bound.provider.id(),
                            reply.status(), (System.nanoTime() - started) / 1_000_000);
                }
                return null;
            } catch (ProviderFailure f) {
                return resentAfter(f) || reauthorizedAfter(f) ? RESENT : endpoint.getFailures().of(f);
            } catch (TransportException t) {
                return endpoint.getFailures().of(t);
            } catch (Throwable t) {
                return t;
            }
        }

        /**
         * Whether the call goes again because the provider's rate limit refused it, resends are left and so is
         * time: it then waits for a new permit.
         */
        private boolean resentAfter(ProviderFailure f) {
            if (pacer == null) {
                return false;
            }
            if (f.getKind() != ZaloErrorKind.RATE_LIMITED) {
                pacer.answered(permit);
                return false;
            }
            boolean resend = resends < endpoint.getConfiguration().getRateLimitRetries()
                             && deadline - System.nanoTime() > 0;
            pacer.rateLimited(permit, f.getRetryAfter(), resend);
            if (resend) {
                resends++;
                lastRateLimited = f;
                awaitPermit();
            }
            return resend;
        }

        /**
         * Whether the call goes again with a new access token because Zalo refused the one it carried (-216, -220,
         * -124): once, and not for a token that was itself just refreshed.
         */
        private boolean reauthorizedAfter(ProviderFailure f) {
            Credential used = credential;
            if (f.getKind() != ZaloErrorKind.TOKEN_INVALID || reauthorized || used == null || used.token() == null
                || deadline - System.nanoTime() <= 0) {
                return false;
            }
            CompletableFuture<Credential> next = bound.credentials.rejected(used);
            if (next == null) {
                return false;
            }
            reauthorized = true;
            LOG.debug("zalo:{} via {}: Zalo refused the access token of OA {} (code {}); sending again with a new"
                      + " one", bound.operation, bound.provider.id(), oaId, f.getErrorCode());
            next.whenComplete(this::credentialReady);
            return true;
        }

        private void continueOnWorker(Runnable task) {
            Executor workers = component.getWorkers();
            if (workers != null) {
                try {
                    workers.execute(task);
                    return;
                } catch (Throwable e) {
                    // the pool is shutting down (or broken): finish here rather than lose the exchange
                }
            }
            // the component is stopping: finish here rather than lose the exchange
            task.run();
        }

        /** Ends the exchange with the failure {@code failure} builds, or with what went wrong building it. */
        private void failWith(Supplier<? extends Throwable> failure) {
            Throwable t;
            try {
                t = failure.get();
            } catch (Throwable e) {
                t = e;
            }
            finish(t);
        }

        /** Ends the exchange, once: whatever happens here, {@code done} is called. */
        private void finish(Throwable failure) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            state.set(DONE);
            try {
                component.getPendingCalls().remove(this);
                exchange.getMessage().setHeader(ZaloConstants.PROVIDER, bound.provider.id());
                if (resends > 0) {
                    exchange.getMessage().setHeader(ZaloConstants.RATE_LIMIT_RESENDS, resends);
                }
                if (failure != null) {
                    LOG.debug("{}", failure.getMessage());
                    exchange.setException(failure);
                }
            } catch (Throwable t) {
                exchange.setException(failure != null ? failure : t);
            } finally {
                endpoint.callFinished(failure, System.nanoTime() - started, pacer == null ? -1 : permitWaited,
                        resends);
                callback.done(false);
            }
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
