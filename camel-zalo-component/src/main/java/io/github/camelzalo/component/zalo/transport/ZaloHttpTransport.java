package io.github.camelzalo.component.zalo.transport;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.github.camelzalo.component.zalo.transport.TransportException.Failure;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends JSON POSTs over a shared HttpClient 5 async client and hands back status, headers and a bounded body.
 * Knows nothing about Zalo. No thread waits for an answer: the returned future completes on one of HttpClient's
 * I/O threads, or on the deadline timer when {@code requestTimeout} passes first, in which case the call is
 * cancelled and its connection released.
 */
public final class ZaloHttpTransport {

    private static final String USER_AGENT = "camel-zalo";

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService deadlines;
    private final int maxResponseSize;

    public ZaloHttpTransport(CloseableHttpAsyncClient client, ScheduledExecutorService deadlines, int maxResponseSize) {
        this.client = client;
        this.deadlines = deadlines;
        this.maxResponseSize = maxResponseSize;
    }

    public CompletableFuture<HttpReply> execute(HttpCall call) {
        CompletableFuture<HttpReply> result = new CompletableFuture<>();
        BasicHttpRequest request = BasicRequestBuilder.post(call.uri())
                .addHeader(HttpHeaders.ACCEPT, "application/json")
                .addHeader(HttpHeaders.USER_AGENT, USER_AGENT)
                .build();
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            request.addHeader(new SecretHeader(h.getKey(), h.getValue()));
        }
        TrackingEntityProducer entity = new TrackingEntityProducer(
                AsyncEntityProducers.create(call.body(), ContentType.APPLICATION_JSON));
        Timeout requestTimeout = Timeout.of(call.requestTimeout());
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(call.connectTimeout()))
                .setConnectionRequestTimeout(requestTimeout)
                .setResponseTimeout(requestTimeout)
                .build());

        Future<HttpReply> inFlight = client.execute(new BasicRequestProducer(request, entity),
                new BoundedResponseConsumer(maxResponseSize), null, context, new FutureCallback<>() {
                    @Override
                    public void completed(HttpReply reply) {
                        result.complete(reply);
                    }

                    @Override
                    public void failed(Exception ex) {
                        result.completeExceptionally(classify(ex, entity.isStarted()));
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new TransportException(Failure.IO, entity.isStarted(),
                                "The call was cancelled", null));
                    }
                });

        // HttpClient's timeouts bound each phase; this bounds the whole call, so a trickling answer cannot hold
        // the exchange past requestTimeout.
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            if (result.completeExceptionally(new TransportException(Failure.TIMEOUT, entity.isStarted(),
                    "No complete answer within " + call.requestTimeout().toMillis() + " ms", null))) {
                inFlight.cancel(true);
            }
        }, call.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((reply, error) -> deadline.cancel(false));
        return result;
    }

    static TransportException classify(Exception ex, boolean requestSent) {
        if (ex instanceof TransportException te) {
            return te;
        }
        if (ex instanceof ConnectException || ex instanceof UnknownHostException
                || ex instanceof NoRouteToHostException || ex instanceof ConnectTimeoutException
                || ex instanceof ConnectionRequestTimeoutException || ex instanceof TimeoutException) {
            // TimeoutException: no pooled connection could be leased in time, so nothing was sent
            return new TransportException(Failure.CONNECT, false, "Could not connect: " + describe(ex), ex);
        }
        if (ex instanceof SSLException) {
            return new TransportException(Failure.TLS, requestSent, "TLS failed: " + describe(ex), ex);
        }
        if (ex instanceof SocketTimeoutException || ex instanceof InterruptedIOException) {
            return new TransportException(Failure.TIMEOUT, requestSent, "Timed out: " + describe(ex), ex);
        }
        return new TransportException(Failure.IO, requestSent, "Connection failed: " + describe(ex), ex);
    }

    private static String describe(Exception ex) {
        return ex.getClass().getSimpleName() + (ex.getMessage() != null ? " " + ex.getMessage() : "");
    }
}
