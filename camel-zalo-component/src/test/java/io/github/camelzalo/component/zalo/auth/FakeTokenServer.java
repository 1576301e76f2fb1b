package io.github.camelzalo.component.zalo.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zalo's token endpoint as the token manager sees it, in memory, for the manager's own timing-exact tests (the
 * HTTP client in front of the real endpoint is tested against the sandbox): refresh tokens work once, every
 * refresh returns a new pair, and answers can be held back to let callers pile up.
 */
final class FakeTokenServer implements TokenEndpoint {

    private final Set<String> liveRefreshTokens = new HashSet<>();
    private final List<String> refreshCalls = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private Duration lifetime = Duration.ofHours(25);
    private CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private RuntimeException nextFailure;
    private boolean rotate = true;

    synchronized String issueRefreshToken() {
        String t = String.format("zalo-token-refresh-%04x", issued.incrementAndGet());
        liveRefreshTokens.add(t);
        return t;
    }

    synchronized void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Answers wait until the returned future is completed. */
    synchronized CompletableFuture<Void> hold() {
        gate = new CompletableFuture<>();
        return gate;
    }

    synchronized void failNext(RuntimeException failure) {
        this.nextFailure = failure;
    }

    synchronized void rotate(boolean rotate) {
        this.rotate = rotate;
    }

    synchronized List<String> refreshCalls() {
        return List.copyOf(refreshCalls);
    }

    @Override
    public CompletableFuture<TokenGrant> refresh(String refreshToken) {
        CompletableFuture<Void> g;
        synchronized (this) {
            refreshCalls.add(refreshToken);
            g = gate;
        }
        return g.thenApplyAsync(v -> answer(refreshToken));
    }

    private synchronized TokenGrant answer(String refreshToken) {
        if (nextFailure != null) {
            RuntimeException f = nextFailure;
            nextFailure = null;
            throw f;
        }
        if (!liveRefreshTokens.remove(refreshToken)) {
            throw new TokenRefusedException(TokenRefusedException.Reason.GRANT_DEAD, "-14014", "Invalid refresh token");
        }
        int n = issued.incrementAndGet();
        String next = null;
        if (rotate) {
            next = String.format("zalo-token-refresh-%04x", n);
            liveRefreshTokens.add(next);
        } else {
            liveRefreshTokens.add(refreshToken);
        }
        return new TokenGrant(String.format("zalo-token-access-%04x", n), next, lifetime);
    }

    @Override
    public CompletableFuture<TokenGrant> exchangeCode(String code, String codeVerifier) {
        throw new UnsupportedOperationException();
    }
}
