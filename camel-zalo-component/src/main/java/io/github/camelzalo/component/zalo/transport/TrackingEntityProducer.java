package io.github.camelzalo.component.zalo.transport;

import java.io.IOException;
import java.util.Set;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * An entity producer that remembers whether the body started going out. Until it does, a failure means the
 * server cannot have processed the request; after it, the outcome is unknown.
 */
final class TrackingEntityProducer implements AsyncEntityProducer {

    private final AsyncEntityProducer delegate;
    private volatile boolean started;

    TrackingEntityProducer(AsyncEntityProducer delegate) {
        this.delegate = delegate;
    }

    boolean isStarted() {
        return started;
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
        started = true;
        delegate.produce(channel);
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }
}
