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
     * No connection could be made (refused, unknown host, connect timeout, closed by the server during the TLS
     * handshake, or the outbound proxy could not open its tunnel to the provider): the request was never sent.
     */
    CONNECT_FAILED(true, false),
    /**
     * The TLS handshake was refused: the certificate is not trusted or does not match the host name, or the server
     * refused our TLS parameters. The request was never sent; sending again meets the same refusal.
     */
    TLS_FAILED(false, false),
    /**
     * The outbound HTTP proxy refused the call: HTTP 407, it wants credentials or refused those of
     * {@code proxyUsername} and {@code proxyPassword} (or of the JVM's proxy properties); or HTTP 403 to the tunnel,
     * it does not let calls through to the provider's host. The provider never saw the request; sending again meets
     * the same refusal until the proxy's credentials or rules change.
     */
    PROXY_REFUSED(false, false),
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
    IO_ERROR(true, true),
    /**
     * Zalo refused the OA's refresh token (invalid, expired or used up), or the store holds no tokens for the OA:
     * an OA admin must authorize the app again (see the component page, "Authorizing an OA"). The component does
     * not try again by itself until the store holds a new pair.
     */
    REAUTHORIZATION_NEEDED(false, false),
    /**
     * Zalo refused the access token of a call (-216, -220, -124) even after the component got a new one and sent
     * the call again: the OA has most likely withdrawn the app's permission, and an OA admin must authorize it
     * again. The call was not processed. (A first refusal never reaches the route: the component refreshes the
     * token and sends the call again by itself.)
     */
    TOKEN_INVALID(false, false),
    /**
     * No access token could be had: Zalo's token endpoint could not be reached or answered nonsense, or another
     * instance held the refresh lease too long. The call was not sent.
     */
    TOKEN_REFRESH_FAILED(true, false),
    /**
     * Zalo issued new tokens but the token store could not save them, so no call uses them: fix the store. The
     * component holds the new pair in memory and saves it on the next call. The call was not sent.
     */
    TOKEN_STORE_FAILED(true, false),
    /**
     * The shared rate limiter (e.g. Redis) could not be reached, or answered too late, so the call could not get its
     * turn: it was not sent, rather than sent unpaced. See the scale-out page for the opt-in fallback to local
     * pacing.
     */
    RATE_LIMITER_UNAVAILABLE(true, false),
    /** The user has not interacted with the OA within the consultation window (Zalo -230, -232). */
    OUTSIDE_WINDOW(false, false),
    /** The message type needs the user to follow the OA (Zalo -213). */
    NOT_FOLLOWER(false, false),
    /** The OA's quota for this kind of message is used up (Zalo -211, -218; ZNS -115, -126). */
    QUOTA_EXHAUSTED(false, false),
    /**
     * The user cannot receive this message: blocked the OA or this message type, is banned or inactive, or has no
     * Zalo account (Zalo -217, -227, -244; ZNS -118, -139, -141).
     */
    USER_UNREACHABLE(false, false);

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
