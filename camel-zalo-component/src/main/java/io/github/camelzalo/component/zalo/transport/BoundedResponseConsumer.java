package io.github.camelzalo.component.zalo.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads an answer into memory, but never more than {@code maxBytes}: a larger one (by its Content-Length, or as
 * it streams in) fails with {@link TransportException.Failure#TOO_LARGE} and the connection is dropped. (The head is
 * bounded by the client's message constraints, see {@link HttpClients}.)
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpReply> {

    private final int maxBytes;
    /** Set when the call's deadline passed: the next event of this exchange fails it, which drops the connection. */
    private volatile TransportException abort;
    private int status;
    private Map<String, String> headers;
    private ByteArrayOutputStream buffer;

    BoundedResponseConsumer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Ends this exchange from inside HttpClient's I/O: the next response event throws, and HttpClient closes the
     * connection and frees its pool lease. Cancelling the returned future alone does not stop an answer that is
     * still streaming in (a trickle), which would keep its connection leased until the server finished.
     */
    void abort(TransportException reason) {
        this.abort = reason;
    }

    private void checkAborted() throws TransportException {
        TransportException a = abort;
        if (a != null) {
            throw a;
        }
    }

    /**
     * An interim answer ({@code 100 Continue}, {@code 102 Processing}, {@code 103 Early Hints}): nothing to read,
     * but an event of this exchange, so a call given up at its deadline ends here even if the server sends
     * nothing else. Cancelling the call alone left the connection leased while interim answers kept coming.
     */
    @Override
    public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
        checkAborted();
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
        checkAborted();
        status = response.getCode();
        headers = new HashMap<>();
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        String length = headers.get("content-length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                // a broken Content-Length is caught by the running count below
            }
        }
        buffer = new ByteArrayOutputStream(256);
    }

    @Override
    protected int capacityIncrement() {
        return 16 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        checkAborted();
        int n = src.remaining();
        if (buffer.size() + (long) n > maxBytes) {
            throw tooLarge();
        }
        if (src.hasArray()) {
            buffer.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[n];
            src.get(chunk);
            buffer.write(chunk);
        }
    }

    @Override
    protected HttpReply buildResult() {
        return new HttpReply(status, headers, buffer == null ? new byte[0] : buffer.toByteArray());
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }

    private TransportException tooLarge() {
        return new TransportException(TransportException.Failure.TOO_LARGE, true,
                "The answer is larger than maxResponseSize (" + maxBytes + " bytes)", null);
    }
}
