package io.github.camelzalo.component.zalo.provider;

import java.time.Duration;

import io.github.camelzalo.component.zalo.ZaloErrorKind;

/**
 * What a provider's answer said went wrong, before the component adds the operation, the provider and the retry
 * decision to make it a {@link io.github.camelzalo.component.zalo.ZaloApiException}.
 */
public class ProviderFailure extends RuntimeException {

    private final ZaloErrorKind kind;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final Duration retryAfter;
    private final String body;

    public ProviderFailure(ZaloErrorKind kind, int httpStatus, String errorCode, String errorMessage,
                           Duration retryAfter) {
        this(kind, httpStatus, errorCode, errorMessage, retryAfter, null);
    }

    /**
     * @param body the start of an answer that is not the provider's JSON, on one line, to be shown after the
     *             message once secrets are redacted from it; {@code null} when there is none
     */
    public ProviderFailure(ZaloErrorKind kind, int httpStatus, String errorCode, String errorMessage,
                           Duration retryAfter, String body) {
        super(kind + " (HTTP " + httpStatus + ")", null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    public ZaloErrorKind getKind() {
        return kind;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** The start of an answer that is not the provider's JSON, unredacted and longer than any excerpt; or {@code null}. */
    public String getBody() {
        return body;
    }
}
