package io.github.camelzalo.sandbox;

/**
 * Oddities public clients have met at Zalo's token endpoint, off by default; turn them on to prove a client copes
 * ({@code ZaloSandbox.Builder.oauthQuirks(…)} or {@code sandbox.oauth().enable(…)}).
 */
public enum OAuthQuirk {
    /** A refresh token that was already used is answered with HTTP 200 and an empty body, not with -14014. */
    EMPTY_BODY_FOR_USED_REFRESH_TOKEN,
    /** Token endpoint errors carry {@code "error":"-14014"}, a quoted string, instead of a number. */
    ERROR_AS_STRING,
    /**
     * A refresh answer has no {@code refresh_token}: a new access token is issued (the previous one dies), and the
     * refresh token just used stays valid, since the caller was given no other.
     */
    NO_REFRESH_TOKEN_ON_REFRESH,
    /** {@code expires_in} as a JSON number ({@code 90000}) instead of the usual string ({@code "90000"}). */
    EXPIRES_IN_AS_NUMBER
}
