package io.github.camelzalo.component.zalo;

import java.util.regex.Pattern;

import io.github.camelzalo.component.zalo.auth.TokenUnavailableException;
import io.github.camelzalo.component.zalo.model.PhoneNumbers;
import io.github.camelzalo.component.zalo.pacing.RateLimiterUnavailableException;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.transport.TransportException;

/**
 * Turns what the wire or the provider said into the {@link ZaloApiException} a route sees, and decides whether
 * sending again is safe: only when a retry can help and the provider cannot have acted on the request, unless
 * the operation only reads or the endpoint opted into retrying unknown outcomes.
 */
final class ZaloFailures {

    private static final String REDACTED = "******";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    /** Line breaks and other controls would let a provider write lines of its own into the route's logs. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\u2028\u2029]+");
    /** The most of a provider's text an exception carries; an excerpt of an answer that is not JSON is shorter. */
    static final int MAX_TEXT = 1000;
    static final int EXCERPT_LENGTH = 200;

    private final BoundOperation<?, ?> bound;
    private final boolean retryUnknownOutcome;
    private final String apiKey;

    ZaloFailures(BoundOperation<?, ?> bound, boolean retryUnknownOutcome, String apiKey) {
        this.bound = bound;
        this.retryUnknownOutcome = retryUnknownOutcome;
        this.apiKey = apiKey;
    }

    ZaloApiException of(ProviderFailure f) {
        String message = clean(f.getErrorMessage(), MAX_TEXT);
        if (f.getBody() != null) {
            // redacted, then cut: a key that straddles the cut must not leave its first characters behind
            message = message + ": " + clean(f.getBody(), EXCERPT_LENGTH);
        }
        return base(f.getKind(), f.getKind().mayHaveBeenProcessed())
                .httpStatus(f.getHttpStatus())
                .errorCode(clean(f.getErrorCode(), EXCERPT_LENGTH))
                .errorMessage(message)
                .retryAfter(f.getRetryAfter())
                .build();
    }

    ZaloApiException of(TransportException t) {
        ZaloErrorKind kind = switch (t.getFailure()) {
            case CONNECT -> ZaloErrorKind.CONNECT_FAILED;
            case TLS -> ZaloErrorKind.TLS_FAILED;
            case TIMEOUT -> ZaloErrorKind.TIMEOUT;
            case TOO_LARGE -> ZaloErrorKind.RESPONSE_TOO_LARGE;
            case IO -> ZaloErrorKind.IO_ERROR;
            case PROXY_REFUSED -> ZaloErrorKind.PROXY_REFUSED;
        };
        boolean mayHaveBeenProcessed = kind.mayHaveBeenProcessed() && t.isRequestSent();
        // the transport counts what was left of the call's time; the route knows its requestTimeout
        String message = kind == ZaloErrorKind.TIMEOUT ? "No complete answer within " + requestTimeoutMillis() + " ms"
                : clean(t.getMessage(), MAX_TEXT);
        return base(kind, mayHaveBeenProcessed)
                .errorMessage(message)
                .cause(t.getCause() != null ? t.getCause() : t)
                .build();
    }

    /** No access token could be had: the call was not sent, whatever happened at the token endpoint. */
    ZaloApiException of(TokenUnavailableException t) {
        return base(t.getKind(), false)
                .errorCode(t.getErrorCode())
                .errorMessage(clean(t.getMessage(), MAX_TEXT))
                .cause(t.getCause())
                .build();
    }

    /** The call's requestTimeout passed while it waited for its turn under its account's rate limit. */
    ZaloApiException waitedTooLong() {
        return base(ZaloErrorKind.TIMEOUT, false)
                .errorMessage("Not sent: its turn under the rate limit of its " + bound.provider.id()
                              + " account did not come within " + requestTimeoutMillis() + " ms")
                .build();
    }

    /** The component or the endpoint stopped while the call waited for its turn: it was not sent. */
    ZaloApiException stoppedBeforeSending(Throwable cause) {
        return base(ZaloErrorKind.IO_ERROR, false)
                .errorMessage(clean(cause != null && cause.getMessage() != null ? cause.getMessage()
                        : "The zalo component stopped before the call was sent", MAX_TEXT))
                .cause(cause)
                .build();
    }

    /** A shared rate limiter could not be reached: the call was not sent, rather than sent unpaced. */
    ZaloApiException limiterUnavailable(RateLimiterUnavailableException cause) {
        return base(ZaloErrorKind.RATE_LIMITER_UNAVAILABLE, false)
                .errorMessage(clean(cause.getMessage(), MAX_TEXT))
                .cause(cause)
                .build();
    }

    private long requestTimeoutMillis() {
        return bound.requestTimeout().toMillis();
    }

    private ZaloApiException.Builder base(ZaloErrorKind kind, boolean mayHaveBeenProcessed) {
        boolean retryable = kind.isTransient()
                && (!mayHaveBeenProcessed || bound.operation.isReadOnly() || retryUnknownOutcome);
        return ZaloApiException.builder(kind)
                .provider(bound.provider.id())
                .operation(bound.operation.name())
                .mayHaveBeenProcessed(mayHaveBeenProcessed)
                .retryable(retryable);
    }

    /**
     * What a provider or the network said, fit for an exception message and a log line: on one line, without the
     * key, a token or a phone number, and at most {@code max} characters, in that order.
     */
    private String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        // first on one line: a control character between the digits of a number would hide it from the masking
        String t = CONTROLS.matcher(text).replaceAll(" ").strip();
        t = redact(t);
        return t.length() > max ? t.substring(0, max) + "..." : t;
    }

    /** Providers sometimes echo the request; neither the key nor a phone number may travel on in an exception. */
    private String redact(String text) {
        String t = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, REDACTED);
        // also a token the provider saw (another account's key, a proxy's) and customers' numbers it echoed: the
        // exception travels on into logs and dead-letter queues
        t = BEARER.matcher(t).replaceAll("Bearer " + REDACTED);
        return PhoneNumbers.maskAll(t);
    }
}
