package io.github.camelzalo.component.zalo;

import java.util.regex.Pattern;

import io.github.camelzalo.component.zalo.model.PhoneNumbers;
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

    private final BoundOperation<?, ?> bound;
    private final boolean retryUnknownOutcome;
    private final String apiKey;

    ZaloFailures(BoundOperation<?, ?> bound, boolean retryUnknownOutcome, String apiKey) {
        this.bound = bound;
        this.retryUnknownOutcome = retryUnknownOutcome;
        this.apiKey = apiKey;
    }

    ZaloApiException of(ProviderFailure f) {
        return base(f.getKind(), f.getKind().mayHaveBeenProcessed())
                .httpStatus(f.getHttpStatus())
                .errorCode(redact(f.getErrorCode()))
                .errorMessage(redact(f.getErrorMessage()))
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
        };
        boolean mayHaveBeenProcessed = kind.mayHaveBeenProcessed() && t.isRequestSent();
        return base(kind, mayHaveBeenProcessed)
                .errorMessage(redact(t.getMessage()))
                .cause(t.getCause() != null ? t.getCause() : t)
                .build();
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

    /** Providers sometimes echo the request; neither the key nor a phone number may travel on in an exception. */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        String t = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, REDACTED);
        // also a token the provider saw (another account's key, a proxy's) and customers' numbers it echoed: the
        // exception travels on into logs and dead-letter queues
        t = BEARER.matcher(t).replaceAll("Bearer " + REDACTED);
        return PhoneNumbers.maskAll(t);
    }
}
