package io.github.camelzalo.component.zalo;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

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
        LOG.debug("zalo:{} via {}: sending {}", bound.operation, bound.provider.id(), request);
        long started = System.nanoTime();
        // looked up per call, so a restarted component's new client is used by producers that were not restarted
        ZaloComponent component = endpoint.getComponent();
        ZaloHttpTransport transport = component.getTransport();
        Executor workers = component.getWorkers();
        try {
            if (transport == null) {
                throw new IllegalStateException("The zalo component is not started");
            }
            transport.execute(call).whenComplete((reply, error) -> continueOnWorker(workers,
                    () -> complete(bound, exchange, reply, error, started, callback)));
        } catch (RuntimeException e) {
            // e.g. the HTTP client was closed underneath us: nothing is in flight, so finish synchronously
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return false;
    }

    private <R, T> void complete(BoundOperation<R, T> bound, Exchange exchange, HttpReply reply, Throwable error,
                                 long started, AsyncCallback callback) {
        try {
            if (error != null) {
                throw error;
            }
            T result = bound.codec.decode(reply);
            bound.binding.write(exchange, result);
            exchange.getMessage().setHeader(ZaloConstants.PROVIDER, bound.provider.id());
            LOG.debug("zalo:{} via {}: HTTP {} in {} ms", bound.operation, bound.provider.id(), reply.status(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ProviderFailure f) {
            fail(exchange, endpoint.getFailures().of(f));
        } catch (TransportException t) {
            fail(exchange, endpoint.getFailures().of(t));
        } catch (Throwable t) {
            exchange.setException(t);
        } finally {
            callback.done(false);
        }
    }

    private static void fail(Exchange exchange, ZaloApiException e) {
        LOG.debug("{}", e.getMessage());
        exchange.setException(e);
    }

    private static void continueOnWorker(Executor workers, Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            // the pool is shutting down: finish here rather than lose the exchange
            task.run();
        }
    }
}
