package io.github.camelzalo.component.zalo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import io.github.camelzalo.component.zalo.auth.TokenUnavailableException;
import io.github.camelzalo.component.zalo.model.ZnsRequest;
import io.github.camelzalo.component.zalo.pacing.AccountPacer;
import io.github.camelzalo.component.zalo.pacing.PermitCallback;
import io.github.camelzalo.component.zalo.provider.ProviderErrors;
import io.github.camelzalo.component.zalo.provider.Credential;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;
import io.github.camelzalo.component.zalo.transport.TransportException;
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
 * When the provider account is paced, a call first waits for its permit (holding no thread), and an answer 429
 * makes it wait for a new permit and go again, up to {@code rateLimitRetries} times.
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
            exchange.setException(new IllegalStateException("The zalo component is not started"));
            callback.done(true);
            return true;
        }
        Trip<R, T> trip = new Trip<>(bound, exchange, request, wire, callback, transport, component.getWorkers(),
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
     * (when paced), send, answer; then again after a 429, once after Zalo refused the access token (with a new one),
     * and for each further page of a paged operation. It is its own answer callback and worker task, so that a call
     * with a static API key allocates no lambdas on the way.
     * <p>
     * Every way in (start, permit, abandonment, answer) ends in {@link #finish}, whatever is thrown on the way:
     * nothing a provider sends, and no failure while building the exception, can leave the exchange without its
     * {@code done}, and {@code done} is called once.
     */
    private final class Trip<R, T> implements PermitCallback, BiConsumer<HttpReply, Throwable>, Runnable {

        /** What {@link #answered} returns when the call goes again instead of finishing. */
        private static final Throwable RESENT = new Throwable("resent", null, false, false) {
        };

        private final BoundOperation<R, T> bound;
        private final Exchange exchange;
        private final String oaId;
        private R request;
        private WireRequest wire;
        private Credential credential;
        /** Whether the call already went again with a new access token after Zalo refused one. */
        private boolean reauthorized;
        /** The pages read so far, of a paged operation. */
        private T soFar;
        private final AsyncCallback callback;
        private final ZaloHttpTransport transport;
        private final Executor workers;
        private final AccountPacer pacer;
        private final long started = System.nanoTime();
        private final AtomicBoolean finished = new AtomicBoolean();
        private long permit;
        private int resends;
        private HttpReply reply;
        private Throwable error;

        Trip(BoundOperation<R, T> bound, Exchange exchange, R request, WireRequest wire, AsyncCallback callback,
             ZaloHttpTransport transport, Executor workers, AccountPacer pacer) {
            this.bound = bound;
            this.exchange = exchange;
            this.request = request;
            this.wire = wire;
            this.oaId = bound.oaId(request);
            this.callback = callback;
            this.transport = transport;
            this.workers = workers;
            this.pacer = pacer;
        }

        /** On the caller's thread. */
        void start() {
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
         * The access token is there, on the caller's thread when it was in hand, else on a worker; the permit comes
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
                pacer.acquire(endpoint, this);
            } else {
                send();
            }
        }

        private void send() {
            transport.execute(bound.call(wire, credential)).whenComplete(this);
        }

        @Override
        public void onPermit(long permit) {
            this.permit = permit;
            try {
                send();
            } catch (Throwable t) {
                // may run on the pacing timer: finish on a worker so the rest of the route never runs there
                continueOnWorker(() -> finish(t));
            }
        }

        @Override
        public void onAbandoned(Exception cause) {
            continueOnWorker(() -> finish(cause));
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

        /** Whether the call goes again because the provider's rate limit refused it and resends are left. */
        private boolean resentAfter(ProviderFailure f) {
            if (pacer == null) {
                return false;
            }
            if (f.getKind() != ZaloErrorKind.RATE_LIMITED) {
                pacer.answered(permit);
                return false;
            }
            boolean resend = resends < endpoint.getConfiguration().getRateLimitRetries();
            pacer.rateLimited(permit, f.getRetryAfter(), resend);
            if (resend) {
                resends++;
                pacer.acquire(endpoint, this);
            }
            return resend;
        }

        /**
         * Whether the call goes again with a new access token because Zalo refused the one it carried (-216, -220,
         * -124): once, and not for a token that was itself just refreshed.
         */
        private boolean reauthorizedAfter(ProviderFailure f) {
            if (f.getKind() != ZaloErrorKind.TOKEN_INVALID || reauthorized || credential == null
                || credential.token() == null) {
                return false;
            }
            CompletableFuture<Credential> next = bound.credentials.rejected(credential);
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
            if (workers != null) {
                try {
                    workers.execute(task);
                    return;
                } catch (Throwable e) {
                    // the pool is shutting down (or broken): finish here rather than lose the exchange
                }
            }
            // the component stopped while this call was in flight: finish here rather than lose the exchange
            task.run();
        }

        /** Ends the exchange, once: whatever happens here, {@code done} is called. */
        private void finish(Throwable failure) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
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
