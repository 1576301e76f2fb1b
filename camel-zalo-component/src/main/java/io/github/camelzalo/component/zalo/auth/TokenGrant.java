package io.github.camelzalo.component.zalo.auth;

import java.time.Duration;

/**
 * What Zalo's token endpoint issued.
 *
 * @param accessToken  the new access token
 * @param refreshToken the new refresh token, or {@code null} when the answer had none
 * @param expiresIn    how long the access token works ({@code expires_in})
 */
public record TokenGrant(String accessToken, String refreshToken, Duration expiresIn) {

    @Override
    public String toString() {
        return "TokenGrant[access=" + TokenDigests.shortDigest(accessToken) + ", refresh="
               + TokenDigests.shortDigest(refreshToken) + ", expiresIn=" + expiresIn + "]";
    }
}
