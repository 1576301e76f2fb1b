package io.github.camelzalo.component.zalo.auth;

import java.time.Instant;

/**
 * The access token a call to one OA carries, as the token manager handed it out. {@link #toString()} shows only a
 * digest.
 *
 * @param oaId      the OA it acts for
 * @param value     the token, for the {@code access_token} header only
 * @param expiresAt when it stops working
 */
public record AccessToken(String oaId, String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[oa=" + oaId + ", " + TokenDigests.shortDigest(value) + " until " + expiresAt + "]";
    }
}
