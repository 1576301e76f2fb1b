package io.github.camelzalo.component.zalo.transport;

import java.io.IOException;
import java.util.Set;

import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * An entity producer that knows whether the request body can have reached the server, which decides whether a
 * failed POST is safe to send again.
 * <p>
 * Until the client starts producing the body, nothing of it can have arrived. Once it has started, the connection's
 * sent-bytes counter tells more: if the connection failed before the whole body was handed to the socket, the server
 * cannot have received a complete request (a JSON API does not act on half a body). The counter is read when the
 * body starts ({@link #produce}) and again when the call fails; any bytes of the request head flushed in between
 * only make the answer more cautious, never less. Without connection metrics the answer is the cautious one.
 */
final class TrackingEntityProducer implements AsyncEntityProducer {

    private final AsyncEntityProducer delegate;
    private final HttpCoreContext context;
    private final long bodyLength;
    private volatile boolean started;
    /** The connection's sent-bytes count when the body started, or -1 when it was not known. */
    private volatile long sentBeforeBody = -1;

    TrackingEntityProducer(AsyncEntityProducer delegate, HttpCoreContext context, long bodyLength) {
        this.delegate = delegate;
        this.context = context;
        this.bodyLength = bodyLength;
    }

    boolean isStarted() {
        return started;
    }

    /**
     * Whether the complete request may have reached the server, judged when the call has failed: {@code false}
     * only when that is certain.
     */
    boolean mayHaveArrived() {
        if (!started) {
            return false;
        }
        long before = sentBeforeBody;
        EndpointDetails details = context.getEndpointDetails();
        if (before < 0 || details == null) {
            return true;
        }
        return details.getSentBytesCount() - before >= bodyLength;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public void failed(Exception cause) {
        delegate.failed(cause);
    }

    @Override
    public long getContentLength() {
        return delegate.getContentLength();
    }

    @Override
    public String getContentType() {
        return delegate.getContentType();
    }

    @Override
    public String getContentEncoding() {
        return delegate.getContentEncoding();
    }

    @Override
    public boolean isChunked() {
        return delegate.isChunked();
    }

    @Override
    public Set<String> getTrailerNames() {
        return delegate.getTrailerNames();
    }

    @Override
    public int available() {
        return delegate.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (!started) {
            EndpointDetails details = context.getEndpointDetails();
            sentBeforeBody = details != null ? details.getSentBytesCount() : -1;
            started = true;
        }
        delegate.produce(channel);
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }
}
