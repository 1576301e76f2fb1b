package io.github.camelzalo.component.zalo.transport;

import java.io.IOException;

/**
 * A call that produced no usable answer. Says what failed and whether the request may have reached the server,
 * which decides whether sending it again is safe.
 */
public class TransportException extends IOException {

    public enum Failure {
        /** No connection could be made (refused, unknown host, connect timeout, no pooled connection in time). */
        CONNECT,
        /** The TLS handshake failed: an untrusted certificate or a wrong host name. */
        TLS,
        /** The deadline passed before the answer was read. */
        TIMEOUT,
        /** The answer was larger than allowed and was not read. */
        TOO_LARGE,
        /** The connection broke while the request or the answer was in transit. */
        IO,
        /**
         * The outbound proxy refused the call: HTTP 407 (it wants credentials, or refused the ones given), or 403 to
         * the tunnel (it does not let calls through to the provider's host). The provider never saw the request.
         */
        PROXY_REFUSED
    }

    private final Failure failure;
    private final boolean requestSent;

    public TransportException(Failure failure, boolean requestSent, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.requestSent = requestSent;
    }

    public Failure getFailure() {
        return failure;
    }

    /** Whether the request body started going out: if so, the server may have processed it. */
    public boolean isRequestSent() {
        return requestSent;
    }
}
