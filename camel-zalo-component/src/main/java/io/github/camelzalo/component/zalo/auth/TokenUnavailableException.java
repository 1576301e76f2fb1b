package io.github.camelzalo.component.zalo.auth;

import io.github.camelzalo.component.zalo.ZaloErrorKind;

/**
 * No access token could be had for a call, so the call was not sent. The component turns it into a
 * {@link io.github.camelzalo.component.zalo.ZaloApiException} of the same kind. Its message says what to do and
 * never carries a token.
 */
public class TokenUnavailableException extends RuntimeException {

    private final ZaloErrorKind kind;
    private final String oaId;
    private final String errorCode;

    public TokenUnavailableException(ZaloErrorKind kind, String oaId, String errorCode, String message,
                                     Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.oaId = oaId;
        this.errorCode = errorCode;
    }

    /**
     * {@link ZaloErrorKind#REAUTHORIZATION_NEEDED}, {@link ZaloErrorKind#UNAUTHORIZED} (the app's own id or secret
     * is wrong), {@link ZaloErrorKind#TOKEN_REFRESH_FAILED} or {@link ZaloErrorKind#TOKEN_STORE_FAILED}.
     */
    public ZaloErrorKind getKind() {
        return kind;
    }

    public String getOaId() {
        return oaId;
    }

    /** Zalo's error code when its token endpoint refused, else {@code null}. */
    public String getErrorCode() {
        return errorCode;
    }
}
