package io.github.camelzalo.component.zalo.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One OA's pair of OAuth tokens as Zalo issued them: the access token that calls carry, and the single-use refresh
 * token that gets the next pair. Immutable. {@link #toString()} shows only short digests of the tokens.
 */
public final class ZaloTokens {

    private final String accessToken;
    private final String refreshToken;
    private final Instant accessTokenExpiresAt;
    private final Instant refreshTokenExpiresAt;
    private final Instant issuedAt;
    private final String seedDigest;

    /**
     * @param accessToken           the access token, or {@code null} when only a refresh token is known (a seed)
     * @param refreshToken          the refresh token that gets the next pair, or {@code null} when Zalo sent none
     * @param accessTokenExpiresAt  when the access token stops working, or {@code null} with no access token
     * @param refreshTokenExpiresAt when the refresh token stops working, or {@code null} when not known
     * @param issuedAt              when Zalo issued the pair
     * @param seedDigest            {@link TokenDigests#sha256(String)} of the configured refresh token this chain of
     *                              pairs started from, or {@code null} when it started from a consent
     */
    public ZaloTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                      Instant refreshTokenExpiresAt, Instant issuedAt, String seedDigest) {
        if (accessToken == null && refreshToken == null) {
            throw new IllegalArgumentException("A token pair needs an access token or a refresh token");
        }
        if (accessToken != null && accessTokenExpiresAt == null) {
            throw new IllegalArgumentException("An access token needs its expiry");
        }
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        this.refreshTokenExpiresAt = refreshTokenExpiresAt;
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.seedDigest = seedDigest;
    }

    /** A refresh token alone, as configured, from which the first pair is fetched. */
    public static ZaloTokens seed(String refreshToken, Instant now) {
        return new ZaloTokens(null, refreshToken, null, null, now, TokenDigests.sha256(refreshToken));
    }

    public String getAccessToken() {
        return accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public Instant getAccessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    public Instant getRefreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getSeedDigest() {
        return seedDigest;
    }

    /** Whether the access token is there and still works at {@code at}. */
    public boolean hasAccessTokenValidAt(Instant at) {
        return accessToken != null && accessTokenExpiresAt.isAfter(at);
    }

    @Override
    public String toString() {
        return "ZaloTokens[access=" + TokenDigests.shortDigest(accessToken) + " until " + accessTokenExpiresAt
               + ", refresh=" + TokenDigests.shortDigest(refreshToken)
               + (refreshTokenExpiresAt != null ? " until " + refreshTokenExpiresAt : "") + ", issued " + issuedAt
               + "]";
    }
}
