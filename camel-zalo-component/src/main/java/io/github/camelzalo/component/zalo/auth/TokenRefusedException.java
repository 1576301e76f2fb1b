package io.github.camelzalo.component.zalo.auth;

/**
 * Zalo's token endpoint answered, and said no. {@link #isGrantDead()} tells a refresh token or code that will
 * never work again (only an admin's new consent helps) from a problem of the app's own settings.
 */
public class TokenRefusedException extends RuntimeException {

    /** What the refusal means for the OA. */
    public enum Reason {
        /** The refresh token or code is invalid, expired or used up: an OA admin must consent again. */
        GRANT_DEAD,
        /** The app id or the app's secret key is wrong: fix the configuration. */
        APP_CREDENTIALS,
        /** Any other refusal, e.g. a grant type Zalo does not know. */
        OTHER
    }

    private final Reason reason;
    private final String errorCode;
    private final String errorDescription;

    public TokenRefusedException(Reason reason, String errorCode, String errorDescription) {
        super("Zalo's token endpoint refused: " + (errorCode != null ? "error " + errorCode : "no error code")
              + (errorDescription != null ? " (" + errorDescription + ")" : ""), null, false, false);
        this.reason = reason;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription;
    }

    public Reason getReason() {
        return reason;
    }

    public boolean isGrantDead() {
        return reason == Reason.GRANT_DEAD;
    }

    /** Zalo's {@code error}, e.g. {@code -14014}, or {@code null} (an empty answer). */
    public String getErrorCode() {
        return errorCode;
    }

    /** Zalo's {@code error_description} or {@code error_name}, or a description of what was wrong. */
    public String getErrorDescription() {
        return errorDescription;
    }
}
