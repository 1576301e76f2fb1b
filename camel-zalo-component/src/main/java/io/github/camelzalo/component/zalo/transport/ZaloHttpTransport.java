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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.github.camelzalo.component.zalo.transport.TransportException.Failure;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
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
 * cancelled and its connection closed. It keeps track of the calls it holds, so that {@link #close()} can end them
 * all when the component stops.
 */
public final class ZaloHttpTransport {

    private static final String USER_AGENT = "camel-zalo";
    private static final List<String> PROXY_AUTH_SCHEMES = List.of(StandardAuthScheme.BASIC);

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService deadlines;
    private final int maxResponseSize;
    private final Set<InFlightCall> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ZaloHttpTransport(CloseableHttpAsyncClient client, ScheduledExecutorService deadlines, int maxResponseSize) {
        this.client = client;
        this.deadlines = deadlines;
        this.maxResponseSize = maxResponseSize;
    }

    public CompletableFuture<HttpReply> execute(HttpCall call) {
        return execute(call, null);
    }

    /**
     * Sends the call.
     *
     * @param gate decides when the request's body may start once its connection is ready (the moment a provider
     *             sees the request), or {@code null} for at once; its wait counts against the call's
     *             {@code requestTimeout}
     */
    public CompletableFuture<HttpReply> execute(HttpCall call, WriteGate gate) {
        if (closed) {
            return CompletableFuture.failedFuture(notSentStopped());
        }
        BasicHttpRequest request = BasicRequestBuilder.create(call.method()).setUri(call.uri())
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
        // a GET has no body: nothing of it can be half-sent, and no body to hold for the write gate (a paced GET
        // goes at its permit)
        TrackingEntityProducer entity = call.hasBody() ? new TrackingEntityProducer(
                AsyncEntityProducers.create(call.body(), contentType(call)), context, call.body().length, gate)
                : null;
        context.setRequestConfig(RequestConfig.custom()
                // a proxy gets Basic credentials from the first request (ProxyAuthStep), nothing else
                .setProxyPreferredAuthSchemes(PROXY_AUTH_SCHEMES)
                .setConnectTimeout(Timeout.of(call.connectTimeout()))
                .setConnectionRequestTimeout(requestTimeout)
                .setResponseTimeout(requestTimeout)
                .build());
        BoundedResponseConsumer consumer = new BoundedResponseConsumer(maxResponseSize);
        InFlightCall held = new InFlightCall(entity, consumer, control);
        calls.add(held);
        held.result.whenComplete(held);
        if (closed) {
            // closing began while this call was being set up: it ends as the others did
            held.end(notSentStopped());
            return held.result;
        }

        held.http = client.execute(new BasicRequestProducer(request, entity),
                consumer, null, context, new FutureCallback<>() {
                    @Override
                    public void completed(HttpReply reply) {
                        TransportException proxyRefusal = ProxyRefusal.of(reply, control);
                        if (proxyRefusal != null) {
                            held.result.completeExceptionally(proxyRefusal);
                        } else {
                            held.result.complete(reply);
                        }
                    }

                    @Override
                    public void failed(Exception ex) {
                        held.result.completeExceptionally(classify(ex, entity == null || entity.mayHaveArrived(),
                                call.requestTimeout()));
                    }

                    @Override
                    public void cancelled() {
                        held.result.completeExceptionally(new TransportException(Failure.IO, abandon(entity),
                                "The call was cancelled", null));
                    }
                });

        if (held.result.isDone()) {
            // ended while HttpClient took it on (the component is stopping): its body, not started, never will
            held.control.giveUp();
            held.http.cancel(true);
            return held.result;
        }
        // HttpClient's timeouts bound each phase; this bounds the whole call, so a trickling answer cannot hold
        // the exchange past requestTimeout.
        try {
            held.deadline = deadlines.schedule(() -> {
                // the connection may still be writing: only "the body never started" is certain here
                held.end(new TransportException(Failure.TIMEOUT, abandon(entity),
                        noAnswerWithin(call.requestTimeout()), null));
            }, call.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (held.result.isDone()) {
                held.deadline.cancel(false);
            }
        } catch (RejectedExecutionException e) {
            // the deadline timer stopped: the component is stopping
            held.end(new TransportException(Failure.IO, abandon(entity), stoppedMessage(entity), e));
        }
        return held.result;
    }

    /**
     * Ends every call this transport still holds, at once, because the component stops: each fails with
     * {@link Failure#IO}, saying whether its request may have been sent (its body had started), and its connection
     * is closed. Calls sent after this fail at once, not sent. Returns how many calls it ended.
     */
    public int close() {
        closed = true;
        // first every call is over, its body held back for good; only then are connections given up: a connection
        // freed earlier would go at once to a call still waiting for one, which would then be sent
        List<InFlightCall> ended = new ArrayList<>();
        for (InFlightCall held : calls) {
            if (held.fail(new TransportException(Failure.IO, abandon(held.entity), stoppedMessage(held.entity),
                    null))) {
                ended.add(held);
            }
        }
        // and those waiting for a connection leave the pool's queue before any connection is closed
        ended.stream().filter(held -> !held.control.isConnected()).forEach(InFlightCall::stop);
        ended.stream().filter(held -> held.control.isConnected()).forEach(InFlightCall::stop);
        return ended.size();
    }

    /**
     * Gives a call up: whether its request may have reached the server. A request without a body (a GET, which only
     * reads) counts as maybe sent: nothing tells whether its head went out.
     */
    private static boolean abandon(TrackingEntityProducer entity) {
        return entity == null || entity.abandon();
    }

    private static TransportException notSentStopped() {
        return new TransportException(Failure.IO, false, "The zalo component stopped before the call was sent", null);
    }

    private static String stoppedMessage(TrackingEntityProducer entity) {
        return abandon(entity) ? "The zalo component stopped while the call was in flight: it may have been sent"
                : "The zalo component stopped before the call was sent";
    }

    /**
     * One call while the transport holds it; ends once, by its answer, its deadline or the component's stop. It is
     * also its own completion hook: it leaves the transport's set and cancels its deadline.
     */
    private final class InFlightCall implements BiConsumer<HttpReply, Throwable> {
        final CompletableFuture<HttpReply> result = new CompletableFuture<>();
        final TrackingEntityProducer entity;
        final BoundedResponseConsumer consumer;
        final CallControl control;
        volatile Future<HttpReply> http;
        volatile ScheduledFuture<?> deadline;

        InFlightCall(TrackingEntityProducer entity, BoundedResponseConsumer consumer, CallControl control) {
            this.entity = entity;
            this.consumer = consumer;
            this.control = control;
        }

        @Override
        public void accept(HttpReply reply, Throwable error) {
            calls.remove(this);
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }

        /** Fails the call with {@code why} unless it already ended; then stops whatever HttpClient still does. */
        boolean end(TransportException why) {
            if (!fail(why)) {
                return false;
            }
            stop();
            return true;
        }

        boolean fail(TransportException why) {
            if (!result.completeExceptionally(why)) {
                return false;
            }
            consumer.abort(why);
            return true;
        }

        /**
         * All three: cancelling stops a call still waiting for a connection; the abort (see {@link #fail}) stops an
         * answer already streaming in; closing the connection stops whatever else the server keeps sending. Either
         * way the connection is closed, never returned half-read.
         */
        void stop() {
            control.giveUp();
            Future<HttpReply> h = http;
            if (h != null) {
                h.cancel(true);
            }
        }
    }

    /** JSON as UTF-8, said so in the header; any other type as the call names it. */
    private static ContentType contentType(HttpCall call) {
        return HttpCall.JSON.equals(call.contentType()) ? ContentType.APPLICATION_JSON
                : ContentType.parse(call.contentType());
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
