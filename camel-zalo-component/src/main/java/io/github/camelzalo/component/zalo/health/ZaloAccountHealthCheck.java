package io.github.camelzalo.component.zalo.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.management.AccountActivity;
import io.github.camelzalo.component.zalo.management.MonitoredAccount;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of one provider account: DOWN while the provider locks it out (until the lock-out's end), while an
 * OA of the app must be authorized again, or while an OA has no usable access token because refreshing it keeps
 * failing; UP otherwise. Its details say what the calls did (successes, failures by kind, the last failure), what
 * the rate limit does (configured and current rate, calls waiting, 429s absorbed, slowdowns) and, for provider
 * {@code zalo}, each OA's tokens (time to expiry, last refresh, last failure kind, lease holder). Never a secret.
 * <p>
 * A readiness check only: a locked-out account is no reason to restart the JVM.
 */
final class ZaloAccountHealthCheck extends ZaloReadinessCheck {

    private final MonitoredAccount account;
    private final Supplier<List<TokenStatus>> tokens;
    private final Clock clock;

    /**
     * @param tokens the token statuses of the app's OAs, for provider zalo; empty for the others
     */
    ZaloAccountHealthCheck(String id, MonitoredAccount account, Supplier<List<TokenStatus>> tokens, Clock clock) {
        super(id);
        this.account = account;
        this.tokens = tokens;
        this.clock = clock;
    }

    MonitoredAccount account() {
        return account;
    }

    @Override
    Result check(HealthCheckResultBuilder result) {
        Instant now = clock.instant();
        AccountActivity activity = account.getActivity();
        result.detail("provider", account.getProvider());
        result.detail("account", account.getName());
        result.detail("baseUrl", account.getBaseUrl());
        result.detail("endpoints", account.getEndpoints());
        result.detail("calls.succeeded", activity.getSucceeded());
        result.detail("calls.failed", activity.getFailed());
        activity.getFailuresByKind().forEach((kind, n) -> result.detail("failures." + kind, n));
        AccountActivity.Failure last = activity.getLastFailure();
        if (last != null) {
            result.detail("lastFailure.kind", last.kind());
            result.detail("lastFailure.at", last.at().toString());
            result.detail("lastFailure.operation", last.operation());
        }
        RateLimitStats pacing = account.getRateLimitStats();
        if (pacing != null) {
            result.detail("rateLimit.configured", round(pacing.getConfiguredRate()));
            result.detail("rateLimit.current", round(pacing.getCurrentRate()));
            result.detail("rateLimit.waiting", pacing.getWaiting());
            result.detail("rateLimit.rateLimitedAnswers", pacing.getRateLimitedAnswers());
            result.detail("rateLimit.resends", pacing.getResends());
            result.detail("rateLimit.slowdowns", pacing.getSlowdowns());
        }
        List<String> down = new ArrayList<>();
        Instant lockedOutUntil = activity.getLockedOutUntil();
        if (lockedOutUntil != null) {
            result.detail("lockedOutUntil", lockedOutUntil.toString());
            down.add(account.getProvider() + " locked the account out until " + lockedOutUntil);
        }
        for (TokenStatus t : tokens.get()) {
            String p = "token." + t.oaId() + ".";
            result.detail(p + "expiresIn", t.accessTokenExpiresAt() == null ? "none"
                    : Duration.between(now, t.accessTokenExpiresAt()).toSeconds() + "s");
            result.detail(p + "refreshes", t.refreshes());
            if (t.lastRefreshAt() != null) {
                result.detail(p + "lastRefreshAt", t.lastRefreshAt().toString());
            }
            result.detail(p + "reauthorizationNeeded", t.reauthorizationNeeded());
            if (t.lastFailureKind() != null) {
                result.detail(p + "lastFailureKind", t.lastFailureKind().name());
                result.detail(p + "lastFailureAt", t.lastFailureAt().toString());
            }
            if (t.leaseHolder() != null) {
                result.detail(p + "leaseHolder", t.leaseHolder());
            }
            if (t.reauthorizationNeeded()) {
                down.add("OA " + t.oaId() + " must authorize app " + t.appId() + " again");
            } else if (refreshKeepsFailing(t, now)) {
                down.add("OA " + t.oaId() + " has no usable access token: refreshing it fails ("
                         + t.lastFailureKind() + ")");
            }
        }
        if (!down.isEmpty()) {
            return result.down().message(String.join("; ", down)).build();
        }
        return result.up().message(account.getName() + ": " + activity.getSucceeded() + " calls succeeded, "
                                   + activity.getFailed() + " failed").build();
    }

    /** The last attempt to get a token failed, none succeeded since, and the access token in hand is gone. */
    static boolean refreshKeepsFailing(TokenStatus t, Instant now) {
        if (t.lastFailureAt() == null) {
            return false;
        }
        boolean failedSinceRefresh = t.lastRefreshAt() == null || t.lastFailureAt().isAfter(t.lastRefreshAt());
        boolean noToken = t.accessTokenExpiresAt() == null || !t.accessTokenExpiresAt().isAfter(now);
        return failedSinceRefresh && noToken;
    }

    private static double round(double rate) {
        return Math.round(rate * 100) / 100.0;
    }
}
