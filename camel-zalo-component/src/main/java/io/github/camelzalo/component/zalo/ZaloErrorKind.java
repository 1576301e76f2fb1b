package io.github.camelzalo.component.zalo;

/**
 * What went wrong in a {@link ZaloApiException}, in terms a route can branch on. Each kind says whether a retry
 * can help ({@link #isTransient()}) and whether the provider may already have processed the request
 * ({@link #mayHaveBeenProcessed()}): together they decide {@link ZaloApiException#isRetryable()}.
 */
public enum ZaloErrorKind {
    /** The provider refused the request as invalid (CareSoft {@code errors}, Twirp {@code invalid_argument}). */
    REJECTED(false, false),
    /** The API key is missing, wrong or not allowed to do this. */
    UNAUTHORIZED(false, false),
    /** Too many requests: HTTP 429 or Twirp {@code resource_exhausted}. The request was not processed. */
    RATE_LIMITED(true, false),
    /** CareSoft locked the tenant out after too many consecutive 429 answers (HTTP 404, 15 minutes). */
    LOCKED_OUT(true, false),
    /** The provider said it is unavailable (HTTP 503, Twirp {@code unavailable}): not processed. */
    UNAVAILABLE(true, false),
    /** The provider failed while handling the request (HTTP 500, 502, 504, ...): the outcome is unknown. */
    SERVER_ERROR(true, true),
    /**
     * A success status, but an answer that could not be understood (empty, invalid JSON, an HTML page): the request
     * was probably processed. Also a redirect is not this but {@link #REJECTED}: redirects are not followed.
     */
    BAD_RESPONSE(true, true),
    /**
     * The answer was larger than {@code maxResponseSize}, or its head had more than 100 header lines or a line
     * longer than 8 KiB, and was not read.
     */
    RESPONSE_TOO_LARGE(false, true),
    /**
     * No connection could be made (refused, unknown host, connect timeout, or closed by the server during the TLS
     * handshake): the request was never sent.
     */
    CONNECT_FAILED(true, false),
    /**
     * The TLS handshake was refused: the certificate is not trusted or does not match the host name, or the server
     * refused our TLS parameters. The request was never sent; sending again meets the same refusal.
     */
    TLS_FAILED(false, false),
    /**
     * No complete answer within {@code requestTimeout}, counted from the moment the exchange reached the producer.
     * The outcome is unknown once the request body started going out; before that (waiting for its turn under the
     * rate limit, or for a pooled connection) the request was not, and will not be, sent.
     */
    TIMEOUT(true, true),
    /**
     * The call was cut off: the connection failed (reset or closed) while the request or answer was in transit, or
     * the component or endpoint stopped while the call waited or was in flight. The outcome is unknown unless it was
     * cut off before the whole request had been written to the connection ({@code mayHaveBeenProcessed()} then
     * says {@code false}).
     */
    IO_ERROR(true, true);

    private final boolean transientFailure;
    private final boolean mayHaveBeenProcessed;

    ZaloErrorKind(boolean transientFailure, boolean mayHaveBeenProcessed) {
        this.transientFailure = transientFailure;
        this.mayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    /** Whether the same request may succeed later. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** Whether the provider may have acted on the request although the call failed. */
    public boolean mayHaveBeenProcessed() {
        return mayHaveBeenProcessed;
    }
}
