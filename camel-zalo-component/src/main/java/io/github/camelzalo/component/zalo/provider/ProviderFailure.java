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

    public ProviderFailure(ZaloErrorKind kind, int httpStatus, String errorCode, String errorMessage,
                           Duration retryAfter) {
        super(kind + " (HTTP " + httpStatus + ")", null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.retryAfter = retryAfter;
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
}
