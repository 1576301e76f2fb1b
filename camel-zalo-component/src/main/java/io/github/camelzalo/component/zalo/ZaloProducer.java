package io.github.camelzalo.component.zalo;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import io.github.camelzalo.component.zalo.pacing.AccountPacer;
import io.github.camelzalo.component.zalo.pacing.PermitCallback;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.transport.HttpCall;
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
        HttpCall call;
        try {
            request = bound.binding.read(exchange, endpoint.getConfiguration().getOaId());
            call = bound.call(request);
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
        AccountPacer pacer = endpoint.getPacer();
        Trip<R, T> trip = new Trip<>(bound, exchange, call, callback, transport, component.getWorkers(), pacer);
        if (pacer != null) {
            pacer.acquire(endpoint, trip);
            return false;
        }
        try {
            trip.send();
        } catch (RuntimeException e) {
            // e.g. the HTTP client was closed underneath us: nothing is in flight, so finish synchronously
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return false;
    }


    /**
     * One exchange's way to the provider and back: permit (when paced), send, answer, resend after a 429. It is
     * its own answer callback and worker task, so that a call allocates no lambdas on the way.
     */
    private final class Trip<R, T> implements PermitCallback, BiConsumer<HttpReply, Throwable>, Runnable {

        private final BoundOperation<R, T> bound;
        private final Exchange exchange;
        private final HttpCall call;
        private final AsyncCallback callback;
        private final ZaloHttpTransport transport;
        private final Executor workers;
        private final AccountPacer pacer;
        private final long started = System.nanoTime();
        private long permit;
        private int resends;
        private HttpReply reply;
        private Throwable error;

        Trip(BoundOperation<R, T> bound, Exchange exchange, HttpCall call, AsyncCallback callback,
             ZaloHttpTransport transport, Executor workers, AccountPacer pacer) {
            this.bound = bound;
            this.exchange = exchange;
            this.call = call;
            this.callback = callback;
            this.transport = transport;
            this.workers = workers;
            this.pacer = pacer;
        }

        void send() {
            transport.execute(call).whenComplete(this);
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
            answered(reply, error);
        }

        @Override
        public void onPermit(long permit) {
            this.permit = permit;
            try {
                send();
            } catch (RuntimeException e) {
                // may run on the pacing timer: finish on a worker so the rest of the route never runs there
                continueOnWorker(() -> finish(e));
            }
        }

        @Override
        public void onAbandoned(Exception cause) {
            continueOnWorker(() -> finish(cause));
        }

        private void answered(HttpReply reply, Throwable error) {
            Throwable failure = null;
            try {
                if (error != null) {
                    throw error;
                }
                T result = bound.codec.decode(reply);
                if (pacer != null) {
                    pacer.answered(permit);
                }
                bound.binding.write(exchange, result);
                exchange.getMessage().setHeader(ZaloConstants.PROVIDER, bound.provider.id());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("zalo:{} via {}: HTTP {} in {} ms", bound.operation, bound.provider.id(),
                            reply.status(), (System.nanoTime() - started) / 1_000_000);
                }
            } catch (ProviderFailure f) {
                if (resentAfter(f)) {
                    return;
                }
                failure = endpoint.getFailures().of(f);
            } catch (TransportException t) {
                failure = endpoint.getFailures().of(t);
            } catch (Throwable t) {
                failure = t;
            }
            finish(failure);
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

        private void continueOnWorker(Runnable task) {
            if (workers == null) {
                // the component stopped while this call was in flight: finish here rather than lose the exchange
                task.run();
                return;
            }
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                // the pool is shutting down: finish here rather than lose the exchange
                task.run();
            }
        }

        private void finish(Throwable failure) {
            try {
                exchange.getMessage().setHeader(ZaloConstants.PROVIDER, bound.provider.id());
                if (resends > 0) {
                    exchange.getMessage().setHeader(ZaloConstants.RATE_LIMIT_RESENDS, resends);
                }
                if (failure != null) {
                    LOG.debug("{}", failure.getMessage());
                    exchange.setException(failure);
                }
            } finally {
                callback.done(false);
            }
        }
    }
}
