package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * An OA's access and refresh token as the sandbox issued them. {@link #toString()} shows only digests.
 *
 * @param oaId                  the OA the pair acts for
 * @param accessToken           the {@code access_token} header value of OA API and ZNS calls
 * @param refreshToken          the {@code refresh_token} that can be exchanged, once, for the next pair
 * @param accessTokenExpiresAt  when the access token expires on the sandbox clock (then -220)
 * @param refreshTokenExpiresAt when the refresh token expires on the sandbox clock (then -14014)
 */
public record TokenPair(String oaId, String accessToken, String refreshToken, Instant accessTokenExpiresAt,
        Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "TokenPair[oa " + oaId + ", access " + TokenDigest.of(accessToken) + " until " + accessTokenExpiresAt
               + ", refresh " + TokenDigest.of(refreshToken) + " until " + refreshTokenExpiresAt + "]";
    }
}
