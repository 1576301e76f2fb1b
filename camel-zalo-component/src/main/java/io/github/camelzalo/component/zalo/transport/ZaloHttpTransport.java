package io.github.camelzalo.component.zalo.transport;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.github.camelzalo.component.zalo.transport.TransportException.Failure;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.MessageConstraintException;
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
        Timeout requestTimeout = Timeout.of(call.requestTimeout());
        HttpClientContext context = HttpClientContext.create();
        CallControl control = new CallControl();
        context.setAttribute(CallControl.ATTRIBUTE, control);
        TrackingEntityProducer entity = new TrackingEntityProducer(
                AsyncEntityProducers.create(call.body(), ContentType.APPLICATION_JSON), context, call.body().length);
        context.setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(call.connectTimeout()))
                .setConnectionRequestTimeout(requestTimeout)
                .setResponseTimeout(requestTimeout)
                .build());

        BoundedResponseConsumer consumer = new BoundedResponseConsumer(maxResponseSize);
        Future<HttpReply> inFlight = client.execute(new BasicRequestProducer(request, entity),
                consumer, null, context, new FutureCallback<>() {
                    @Override
                    public void completed(HttpReply reply) {
                        result.complete(reply);
                    }

                    @Override
                    public void failed(Exception ex) {
                        result.completeExceptionally(classify(ex, entity.mayHaveArrived(), call.requestTimeout()));
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new TransportException(Failure.IO, entity.abandon(),
                                "The call was cancelled", null));
                    }
                });

        // HttpClient's timeouts bound each phase; this bounds the whole call, so a trickling answer cannot hold
        // the exchange past requestTimeout.
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            // the connection may still be writing: only "the body never started" is certain here
            TransportException timeout = new TransportException(Failure.TIMEOUT, entity.abandon(),
                    noAnswerWithin(call.requestTimeout()), null);
            if (result.completeExceptionally(timeout)) {
                // all three: cancelling stops a call still waiting for a connection; the abort stops an answer
                // already streaming in; closing the connection stops whatever else the server keeps sending.
                // Either way the connection is closed, never returned half-read.
                consumer.abort(timeout);
                control.giveUp();
                inFlight.cancel(true);
            }
        }, call.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((reply, error) -> deadline.cancel(false));
        return result;
    }

    /**
     * @param requestSent whether the complete request may have reached the server (see
     *                    {@link TrackingEntityProducer#mayHaveArrived()})
     */
    static TransportException classify(Exception ex, boolean requestSent, Duration requestTimeout) {
        if (ex instanceof TransportException te) {
            return te;
        }
        if (ex instanceof MessageConstraintException) {
            // too many header lines, or one too long: refused while it streamed in, and the connection dropped
            return new TransportException(Failure.TOO_LARGE, true, "The answer's head is larger than allowed (at most "
                    + HttpClients.MAX_HEADER_COUNT + " header lines of " + HttpClients.MAX_LINE_LENGTH
                    + " characters): " + ex.getMessage(), ex);
        }
        if (ex instanceof ConnectionRequestTimeoutException || ex instanceof TimeoutException) {
            // no pooled connection free within requestTimeout (HttpClient's lease timeout is set to it): the same
            // failure as the deadline passing while waiting, and nothing was sent
            return new TransportException(Failure.TIMEOUT, false, noAnswerWithin(requestTimeout), ex);
        }
        if (ex instanceof ConnectException || ex instanceof UnknownHostException
                || ex instanceof NoRouteToHostException || ex instanceof ConnectTimeoutException) {
            return new TransportException(Failure.CONNECT, false, "Could not connect: " + describe(ex), ex);
        }
        if (ex instanceof SSLException) {
            if (refusesPeer(ex)) {
                // the certificate, the host name or the TLS parameters were refused during the handshake: the request
                // never went out, and sending again meets the same refusal
                return new TransportException(Failure.TLS, false, "TLS failed: " + describe(ex), ex);
            }
            if (ex instanceof SSLHandshakeException) {
                // the connection dropped during the handshake (closed or reset by the peer): a connection failure
                // like a refused one, transient, and the request was never sent
                return new TransportException(Failure.CONNECT, false,
                        "The connection closed during the TLS handshake: " + describe(ex), ex);
            }
            return new TransportException(Failure.IO, requestSent, "Connection failed: " + describe(ex), ex);
        }
        if (ex instanceof SocketTimeoutException || ex instanceof InterruptedIOException) {
            // HttpClient's response timeout is set to requestTimeout, so it may beat the deadline by a hair: the
            // same failure, told the same way (the connection is closed, so requestSent is exact here)
            return new TransportException(Failure.TIMEOUT, requestSent, noAnswerWithin(requestTimeout), ex);
        }
        return new TransportException(Failure.IO, requestSent, "Connection failed: " + describe(ex), ex);
    }

    /** Whether a TLS failure is a verdict on the peer (certificate, host name, protocol) rather than a lost connection. */
    private static boolean refusesPeer(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException || t instanceof SSLPeerUnverifiedException) {
                return true;
            }
            if (t instanceof SSLException && t.getMessage() != null && t.getMessage().contains("fatal alert")) {
                // the server refused our handshake (no common protocol or cipher, or it wants a client certificate)
                return true;
            }
        }
        return false;
    }

    private static String noAnswerWithin(Duration requestTimeout) {
        return "No complete answer within " + requestTimeout.toMillis() + " ms";
    }

    private static String describe(Exception ex) {
        return ex.getClass().getSimpleName() + (ex.getMessage() != null ? " " + ex.getMessage() : "");
    }
}
