package io.github.camelzalo.component.zalo.auth;

import java.time.Instant;

import io.github.camelzalo.component.zalo.ZaloErrorKind;

/**
 * What the component knows of one OA's tokens, for health checks, consoles and JMX. Holds no token.
 *
 * @param appId                   the app
 * @param oaId                    the OA
 * @param accessTokenExpiresAt    when the access token in use expires, or {@code null} when there is none yet
 * @param refreshTokenExpiresAt   when the refresh token is expected to expire, or {@code null} when unknown
 * @param lastRefreshAt           when this JVM last refreshed, or {@code null}
 * @param refreshes               refreshes this JVM made
 * @param reauthorizationNeeded   whether Zalo refused the refresh token (or there is none): an admin must consent
 * @param unsavedPair             whether a pair Zalo issued could not be saved yet
 * @param lastFailureKind         the kind of the last failure to get a token, or {@code null}
 * @param lastFailureAt           when it happened, or {@code null}
 * @param lastFailure             what it said (no secrets), or {@code null}
 * @param leaseHolder             who holds the refresh lease in a shared store, or {@code null}
 * @param version                 the store's version of the pair in use, 0 when none
 */
public record TokenStatus(String appId, String oaId, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt,
        Instant lastRefreshAt, long refreshes, boolean reauthorizationNeeded, boolean unsavedPair,
        ZaloErrorKind lastFailureKind, Instant lastFailureAt, String lastFailure, String leaseHolder, long version) {
}
