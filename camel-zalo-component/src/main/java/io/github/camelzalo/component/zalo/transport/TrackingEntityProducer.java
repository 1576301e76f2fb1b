package io.github.camelzalo.component.zalo.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * An entity producer that knows whether the request body can have reached the server, which decides whether a
 * failed POST is safe to send again.
 * <p>
 * Until the client starts producing the body, nothing of it can have arrived; and once the call is given up
 * ({@link #abandon()}, at the deadline) a body that has not started never will, even if HttpClient's cancellation
 * comes too late to stop the exchange: the head may still go out, but a server does not act on a request whose body
 * never comes. Once the body has started, the connection's sent-bytes counter tells more, but only after the
 * connection has failed ({@link #mayHaveArrived()}): if it failed before the whole body was handed to the socket,
 * the server cannot have received a complete request (a JSON API does not act on half a body). The counter is read
 * when the body starts and when the call fails; any bytes of the request head flushed in between only make the
 * answer more cautious, never less. Without connection metrics the answer is the cautious one.
 * <p>
 * With a {@link WriteGate}, the body waits for its turn before it starts (offering nothing to write meanwhile, so no
 * thread and no I/O loop waits): a provider acts on a request once its body is complete, so this is the moment the
 * provider sees, after the connection and its TLS handshake, however slowly they came.
 */
final class TrackingEntityProducer implements AsyncEntityProducer {

    private static final int NEW = 0;
    private static final int STARTED = 1;
    private static final int ABANDONED = 2;

    private static final int NO_TURN_ASKED = 0;
    private static final int WAITING_FOR_TURN = 1;
    private static final int TURN_CAME = 2;
    private static final int TURN_REFUSED = 3;

    private final AsyncEntityProducer delegate;
    private final HttpCoreContext context;
    private final long bodyLength;
    private final WriteGate gate;
    private final AtomicInteger state = new AtomicInteger(NEW);
    /** The connection's sent-bytes count when the body started, or -1 when it was not known. */
    private volatile long sentBeforeBody = -1;
    private final AtomicInteger turnState = new AtomicInteger(NO_TURN_ASKED);
    private volatile WriteGate.Turn turn;
    private volatile Exception refusal;

    TrackingEntityProducer(AsyncEntityProducer delegate, HttpCoreContext context, long bodyLength) {
        this(delegate, context, bodyLength, null);
    }

    /** @param gate when the body may start, or {@code null} for at once */
    TrackingEntityProducer(AsyncEntityProducer delegate, HttpCoreContext context, long bodyLength, WriteGate gate) {
        this.delegate = delegate;
        this.context = context;
        this.bodyLength = bodyLength;
        this.gate = gate;
        if (gate == null) {
            turnState.set(TURN_CAME);
        }
    }

    /**
     * Gives the call up while its connection may still be alive (the deadline passed): a body that has not started
     * is never sent.
     *
     * @return whether the request may have reached the server: {@code false} only when the body had not started
     */
    boolean abandon() {
        WriteGate.Turn t = turn;
        if (t != null && turnState.get() == WAITING_FOR_TURN) {
            t.cancel();
        }
        return !state.compareAndSet(NEW, ABANDONED) && state.get() == STARTED;
    }

    /**
     * Whether the complete request may have reached the server, judged after its connection failed (no more bytes
     * will leave): {@code false} only when that is certain.
     */
    boolean mayHaveArrived() {
        if (!abandon()) {
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
        // nothing to write while waiting for the turn: HttpCore then waits for requestOutput()
        return turnState.get() == WAITING_FOR_TURN ? 0 : delegate.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (turnState.get() != TURN_CAME && !turnCame(channel)) {
            return;
        }
        if (state.get() != STARTED) {
            EndpointDetails details = context.getEndpointDetails();
            sentBeforeBody = details != null ? details.getSentBytesCount() : -1;
            if (!state.compareAndSet(NEW, STARTED)) {
                // the call was given up before its body went out: it must stay unsent, or a retry would double it
                throw new InterruptedIOException("The call was given up before its body was sent");
            }
        }
        delegate.produce(channel);
    }

    /** Whether the body may start now; asks for its turn the first time. */
    private boolean turnCame(DataStreamChannel channel) throws IOException {
        if (turnState.compareAndSet(NO_TURN_ASKED, WAITING_FOR_TURN)) {
            turn = gate.awaitTurn(() -> {
                if (turnState.compareAndSet(WAITING_FOR_TURN, TURN_CAME)) {
                    channel.requestOutput();
                }
            }, cause -> {
                refusal = cause;
                if (turnState.compareAndSet(WAITING_FOR_TURN, TURN_REFUSED)) {
                    channel.requestOutput();
                }
            });
        }
        switch (turnState.get()) {
            case TURN_CAME:
                return true;
            case TURN_REFUSED:
                throw new TransportException(TransportException.Failure.IO, false,
                        "Not sent: its turn to be written never came: " + refusal.getMessage(), refusal);
            default:
                return false;
        }
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }
}
