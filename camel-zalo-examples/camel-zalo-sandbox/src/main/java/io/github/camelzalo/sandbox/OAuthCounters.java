package io.github.camelzalo.sandbox;

/**
 * What the token endpoint did for one OA (or, from {@code ZaloOAuth.counters()}, for the whole app, including
 * requests that named no known OA). A snapshot.
 *
 * @param tokenRequests         calls to {@code POST /v4/oa/access_token}
 * @param codeExchanges         authorization codes exchanged for a pair
 * @param refreshes             refresh tokens exchanged for a new pair
 * @param rotations             pairs issued, by any means (consent, refresh, {@code issueTokens}); each one ends the
 *                              previous pair
 * @param rejectedRefreshTokens refresh requests refused: unknown, used, revoked or expired refresh token
 * @param rejectedCodes         code exchanges refused: unknown, used or expired code, or a wrong PKCE verifier
 */
public record OAuthCounters(long tokenRequests, long codeExchanges, long refreshes, long rotations,
        long rejectedRefreshTokens, long rejectedCodes) {

    static final OAuthCounters ZERO = new OAuthCounters(0, 0, 0, 0, 0, 0);

    OAuthCounters plus(OAuthCounters o) {
        return new OAuthCounters(tokenRequests + o.tokenRequests, codeExchanges + o.codeExchanges,
                refreshes + o.refreshes, rotations + o.rotations, rejectedRefreshTokens + o.rejectedRefreshTokens,
                rejectedCodes + o.rejectedCodes);
    }
}
