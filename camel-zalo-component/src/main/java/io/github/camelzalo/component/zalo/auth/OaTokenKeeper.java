package io.github.camelzalo.component.zalo.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens of one OA: hands out the access token calls carry, and gets the next pair when it is due, when it
 * expired or when Zalo refused it. At most one such attempt is in flight at a time; every caller that needs its
 * result waits on the same future, holding no thread.
 * <p>
 * An attempt always reads the store first (another JVM may have refreshed), takes the store's refresh lease before
 * spending the refresh token, reads the store again under the lease, and saves the new pair before anyone may use
 * it. A pair that cannot be saved is kept here and saved on the next attempt, never used unsaved.
 */
final class OaTokenKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(OaTokenKeeper.class);
    /** How long a refusal of the refresh token is answered from memory before the store is read again. */
    static final Duration REAUTHORIZATION_RECHECK = Duration.ofSeconds(5);
    /** Zalo documents three months for a refresh token; it says nothing in its answers. */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final long FIRST_LEASE_POLL_MILLIS = 25;
    private static final long LAST_LEASE_POLL_MILLIS = 400;

    private enum Reason {
        /** Nothing usable in memory: read the store, refresh if what it has is not usable either. */
        NEEDED,
        /** The token in use is near its end: refresh unless someone already did. */
        AHEAD,
        /** Zalo refused the token in use. */
        REJECTED,
        /** Someone asked for a refresh now (JMX). */
        FORCED
    }

    private final ZaloTokenManager manager;
    private final String oaId;
    private final String seedRefreshToken;

    // guarded by this
    private StoredTokens current;
    private CompletableFuture<AccessToken> inFlight;
    private String rejectedAccessToken;
    private TokenUnavailableException reauthorization;
    private Instant reauthorizationCheckedAt;
    private ZaloTokens unsaved;
    private boolean seedChecked;
    private Instant readAt;
    private long refreshes;
    private Instant lastRefreshAt;
    private ZaloErrorKind lastFailureKind;
    private Instant lastFailureAt;
    private String lastFailure;
    /** The token last handed out by {@link #ready()}, so that the common case allocates nothing. */
    private AccessToken handedOut;
    /**
     * What {@link #ready()} hands out without taking the lock, and until when (epoch milliseconds, exclusive): set
     * under the lock by {@link #ready()}, cleared under it by every change that could make the token unfit before
     * then. Every call of every caller asks for the token; a monitor there makes them queue for each other.
     */
    private volatile Ready fast;

    private record Ready(AccessToken token, long untilMillis) {
    }

    OaTokenKeeper(ZaloTokenManager manager, String oaId, String seedRefreshToken) {
        this.manager = manager;
        this.oaId = oaId;
        this.seedRefreshToken = seedRefreshToken;
    }

    /** The token to call with: at once when one is in hand, else when the attempt in flight ends. */
    synchronized CompletableFuture<AccessToken> accessToken() {
        Instant now = manager.now();
        if (reauthorization != null && now.isBefore(reauthorizationCheckedAt.plus(REAUTHORIZATION_RECHECK))) {
            return CompletableFuture.failedFuture(reauthorization);
        }
        if (usable(current, now) && unsaved == null) {
            if (inFlight == null) {
                if (dueAhead(current.tokens(), now)) {
                    start(Reason.AHEAD);
                } else if (rereadDue(now)) {
                    start(Reason.NEEDED);
                }
            }
            return CompletableFuture.completedFuture(token(current));
        }
        return inFlight != null ? inFlight : start(Reason.NEEDED);
    }

    /**
     * The token in hand when it needs nothing done now (usable, not due for a refresh, no reread of a shared store
     * due), else {@code null}: then {@link #accessToken()} starts what is needed. Lets a call skip the future.
     */
    AccessToken ready() {
        Ready r = fast;
        if (r != null && manager.clock().millis() < r.untilMillis()) {
            return r.token();
        }
        return readyLocked();
    }

    private synchronized AccessToken readyLocked() {
        Instant now = manager.now();
        if (reauthorization != null || unsaved != null || !usable(current, now)) {
            return null;
        }
        // not usable any more, due for a refresh or for a reread: whichever comes first
        Instant until = fitUntil(current.tokens());
        if (!now.isBefore(until)) {
            return null;
        }
        AccessToken token = handedOut;
        if (token == null || !token.value().equals(current.tokens().getAccessToken())) {
            token = token(current);
            handedOut = token;
        }
        fast = new Ready(token, until.toEpochMilli());
        return token;
    }

    /** The first instant at which the token in hand is no longer usable, or due for a refresh or a reread. */
    private Instant fitUntil(ZaloTokens t) {
        Instant until = earlier(usableUntil(t), refreshAheadAt(t));
        Instant reread = rereadAt();
        return reread == null ? until : earlier(until, reread);
    }

    /** The tokens, their state or the time of the last read changed: {@link #ready()} takes the lock again. */
    private void changed() {
        fast = null;
    }

    /** Zalo refused {@code value}: the token to call with next, after a refresh unless someone already did one. */
    synchronized CompletableFuture<AccessToken> rejected(String value) {
        Instant now = manager.now();
        if (current != null && !value.equals(current.tokens().getAccessToken()) && usable(current, now)) {
            return CompletableFuture.completedFuture(token(current));
        }
        rejectedAccessToken = value;
        changed();
        return inFlight != null ? inFlight : start(Reason.REJECTED);
    }

    synchronized CompletableFuture<AccessToken> refreshNow() {
        return inFlight != null ? inFlight : start(Reason.FORCED);
    }

    TokenStatus status() {
        String holder;
        try {
            holder = manager.store().leaseHolder(manager.appId(), oaId);
        } catch (RuntimeException e) {
            holder = null;
        }
        synchronized (this) {
            ZaloTokens t = current == null ? null : current.tokens();
            return new TokenStatus(manager.appId(), oaId, t == null ? null : t.getAccessTokenExpiresAt(),
                    t == null ? null : t.getRefreshTokenExpiresAt(), lastRefreshAt, refreshes,
                    reauthorization != null, unsaved != null, lastFailureKind, lastFailureAt, lastFailure, holder,
                    current == null ? 0 : current.version());
        }
    }

    // ---- one attempt ----------------------------------------------------------------------------------------

    /** Starts an attempt; the caller holds the lock. */
    private CompletableFuture<AccessToken> start(Reason reason) {
        CompletableFuture<AccessToken> attempt = new CompletableFuture<>();
        inFlight = attempt;
        long seenVersion = current == null ? 0 : current.version();
        attempt.whenComplete((token, failure) -> {
            synchronized (this) {
                if (inFlight == attempt) {
                    inFlight = null;
                }
            }
        });
        onIo(attempt, () -> read(attempt, reason, seenVersion));
        return attempt;
    }

    private void read(CompletableFuture<AccessToken> attempt, Reason reason, long seenVersion) {
        StoredTokens stored;
        try {
            stored = manager.store().load(manager.appId(), oaId);
        } catch (RuntimeException e) {
            fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_STORE_FAILED, oaId, null,
                    "Cannot read the tokens of OA " + oaId + " from " + manager.store() + ": " + e.getMessage(), e));
            return;
        }
        String seedToUse = null;
        AccessToken ready = null;
        TokenUnavailableException refused = null;
        boolean noTokens = false;
        synchronized (this) {
            readAt = manager.now();
            changed();
            if (unsaved != null) {
                saveUnsaved(attempt, stored);
                return;
            }
            adoptIfNewer(stored);
            if (!seedChecked && seedRefreshToken != null) {
                seedChecked = true;
                if (isNewSeed(stored)) {
                    seedToUse = seedRefreshToken;
                }
            }
            if (seedToUse == null) {
                if (current == null) {
                    noTokens = true;
                } else if (reauthorization != null) {
                    // nothing new in the store since Zalo refused the refresh token: do not spend it again
                    reauthorizationCheckedAt = manager.now();
                    refused = reauthorization;
                } else if (!needsRefresh(reason, seenVersion)) {
                    ready = token(current);
                }
            }
        }
        // futures are completed outside the lock: their dependents (the calls waiting) run on this thread
        if (noTokens) {
            reauthorizationNeeded(attempt, null, "The token store " + manager.store() + " holds no tokens for OA "
                                                 + oaId + " of app " + manager.appId());
        } else if (refused != null) {
            fail(attempt, refused);
        } else if (ready != null) {
            attempt.complete(ready);
        } else {
            leaseAndRefresh(attempt, seedToUse, deadline());
        }
    }

    /** Whether the pair in hand must be replaced, given why the attempt started. */
    private boolean needsRefresh(Reason reason, long seenVersion) {
        Instant now = manager.now();
        if (!usable(current, now)) {
            return true;
        }
        // another JVM's new pair (a newer version than the attempt started from) answers AHEAD and FORCED
        boolean nobodyElseRefreshed = current.version() == seenVersion;
        return switch (reason) {
            case AHEAD -> nobodyElseRefreshed && dueAhead(current.tokens(), now);
            case FORCED -> nobodyElseRefreshed;
            default -> false;
        };
    }

    /**
     * Takes the refresh lease, then refreshes: with {@code seed} when it is a configured refresh token the store has
     * not seen, else with the stored one. While someone else holds the lease, polls the store for the pair they
     * save.
     */
    private void leaseAndRefresh(CompletableFuture<AccessToken> attempt, String seed, Instant deadline) {
        boolean leased;
        try {
            leased = manager.store().tryLease(manager.appId(), oaId, manager.owner(), manager.leaseTime());
        } catch (RuntimeException e) {
            fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_REFRESH_FAILED, oaId, null,
                    "Cannot take the refresh lease of OA " + oaId + " in " + manager.store() + ": "
                                                                               + e.getMessage(), e));
            return;
        }
        if (!leased) {
            waitForOtherRefresher(attempt, seed, deadline, FIRST_LEASE_POLL_MILLIS);
            return;
        }
        StoredTokens stored;
        try {
            stored = manager.store().load(manager.appId(), oaId);
        } catch (RuntimeException e) {
            releaseLease();
            fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_STORE_FAILED, oaId, null,
                    "Cannot read the tokens of OA " + oaId + " from " + manager.store() + ": " + e.getMessage(), e));
            return;
        }
        String refreshToken;
        long expectedVersion = stored == null ? 0 : stored.version();
        AccessToken ready = null;
        synchronized (this) {
            if (seed == null && adoptIfNewer(stored) && usable(current, manager.now())) {
                // someone refreshed between our first read and the lease
                ready = token(current);
            }
            refreshToken = seed != null ? seed : current.tokens().getRefreshToken();
        }
        if (ready != null) {
            releaseLease();
            attempt.complete(ready);
            return;
        }
        if (refreshToken == null) {
            releaseLease();
            reauthorizationNeeded(attempt, null, "Zalo issued no refresh token with the last access token of OA "
                                                 + oaId);
            return;
        }
        StoredTokens fallback = stored;
        String chainSeed = seed != null ? TokenDigests.sha256(seed)
                : current.tokens().getSeedDigest();
        String previousRefresh = refreshToken;
        Instant previousRefreshExpiry = seed != null ? null : current.tokens().getRefreshTokenExpiresAt();
        manager.endpoint().refresh(refreshToken).whenCompleteAsync((grant, failure) -> {
            if (failure != null) {
                refreshRefused(attempt, unwrap(failure), seed, fallback);
            } else {
                granted(attempt, grant, expectedVersion, chainSeed, previousRefresh, previousRefreshExpiry);
            }
        }, manager.io());
    }

    private void waitForOtherRefresher(CompletableFuture<AccessToken> attempt, String seed, Instant deadline,
                                       long pollMillis) {
        if (!manager.now().isBefore(deadline)) {
            String holder = manager.store().leaseHolder(manager.appId(), oaId);
            fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_REFRESH_FAILED, oaId, null,
                    "Another instance" + (holder != null ? " (" + holder + ")" : "")
                                                                               + " holds the refresh lease of OA "
                                                                               + oaId + " and saved no new tokens within "
                                                                               + manager.leaseTime().toMillis()
                                                                               + " ms",
                    null));
            return;
        }
        long seenVersion;
        synchronized (this) {
            seenVersion = current == null ? 0 : current.version();
        }
        try {
            manager.timer().schedule(() -> onIo(attempt, () -> {
                StoredTokens stored;
                try {
                    stored = manager.store().load(manager.appId(), oaId);
                } catch (RuntimeException e) {
                    stored = null;
                }
                AccessToken ready = null;
                synchronized (this) {
                    if (stored != null && stored.version() != seenVersion && adoptIfNewer(stored)
                        && usable(current, manager.now())) {
                        ready = token(current);
                    }
                }
                if (ready != null) {
                    attempt.complete(ready);
                    return;
                }
                leaseAndRefreshOrWait(attempt, seed, deadline, Math.min(LAST_LEASE_POLL_MILLIS, pollMillis * 2));
            }), pollMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail(attempt, stopped());
        }
    }

    private void leaseAndRefreshOrWait(CompletableFuture<AccessToken> attempt, String seed, Instant deadline,
                                       long nextPollMillis) {
        boolean leased;
        try {
            leased = manager.store().tryLease(manager.appId(), oaId, manager.owner(), manager.leaseTime());
        } catch (RuntimeException e) {
            leased = false;
        }
        if (leased) {
            // tryLease again inside: it renews our own lease
            leaseAndRefresh(attempt, seed, deadline);
        } else {
            waitForOtherRefresher(attempt, seed, deadline, nextPollMillis);
        }
    }

    private void granted(CompletableFuture<AccessToken> attempt, TokenGrant grant, long expectedVersion,
                         String chainSeed, String previousRefresh, Instant previousRefreshExpiry) {
        Instant now = manager.now();
        boolean rotated = grant.refreshToken() != null;
        if (!rotated) {
            LOG.warn("Zalo issued no new refresh token with the new access token of OA {} (app {}); the previous one"
                     + " is kept, but Zalo may have ended it: if the next refresh is refused, an OA admin must"
                     + " authorize the app again", oaId, manager.appId());
        }
        ZaloTokens tokens = new ZaloTokens(grant.accessToken(), rotated ? grant.refreshToken() : previousRefresh,
                now.plus(grant.expiresIn()), rotated ? now.plus(REFRESH_TOKEN_LIFETIME) : previousRefreshExpiry, now,
                chainSeed);
        save(attempt, tokens, expectedVersion, true);
    }

    /** Saves a new pair, and only then hands out its access token. */
    private void save(CompletableFuture<AccessToken> attempt, ZaloTokens tokens, long expectedVersion,
                      boolean mayRetryConflict) {
        long version;
        try {
            version = manager.store().save(manager.appId(), oaId, tokens, expectedVersion);
        } catch (TokenStoreConflictException e) {
            if (mayRetryConflict) {
                // the pair Zalo just issued is the live one, whatever was saved meanwhile (a lease that expired
                // mid-refresh): keep it
                LOG.error("Someone saved tokens of OA {} (app {}) while this instance held the refresh lease;"
                          + " saving the pair Zalo has just issued over them", oaId, manager.appId());
                save(attempt, tokens, e.getActualVersion(), false);
                return;
            }
            unsavable(attempt, tokens, e);
            return;
        } catch (RuntimeException e) {
            unsavable(attempt, tokens, e);
            return;
        }
        releaseLease();
        AccessToken token;
        synchronized (this) {
            current = new StoredTokens(tokens, version);
            changed();
            unsaved = null;
            reauthorization = null;
            rejectedAccessToken = null;
            refreshes++;
            lastRefreshAt = manager.now();
            token = token(current);
        }
        LOG.info("Refreshed the access token of OA {} (app {}): valid until {}, saved as version {} in {}", oaId,
                manager.appId(), tokens.getAccessTokenExpiresAt(), version, manager.store());
        attempt.complete(token);
    }

    private void unsavable(CompletableFuture<AccessToken> attempt, ZaloTokens tokens, RuntimeException e) {
        synchronized (this) {
            unsaved = tokens;
            changed();
        }
        // the refresh token Zalo just issued exists nowhere else: losing it means an admin must consent again.
        // The lease is kept, so other instances do not spend the old, dead refresh token meanwhile.
        LOG.error("Zalo issued new tokens for OA {} (app {}) but the token store {} could not save them: {}. No call"
                  + " uses them until they are saved; the next call tries again. Fix the store now: if this JVM"
                  + " stops first, an OA admin must authorize the app again", oaId, manager.appId(), manager.store(),
                e.getMessage());
        fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_STORE_FAILED, oaId, null,
                "Zalo issued new tokens for OA " + oaId + " but " + manager.store() + " could not save them ("
                                                                            + e.getMessage()
                                                                            + "); they are held in memory and saved"
                                                                            + " on the next call. Fix the token store"
                                                                            + " before this JVM stops",
                e));
    }

    /** A pair Zalo issued earlier that the store refused: it goes in now, over whatever is there. */
    private void saveUnsaved(CompletableFuture<AccessToken> attempt, StoredTokens stored) {
        ZaloTokens pending = unsaved;
        long expected = stored == null ? 0 : stored.version();
        onIo(attempt, () -> save(attempt, pending, expected, true));
    }

    private void refreshRefused(CompletableFuture<AccessToken> attempt, Throwable failure, String seed,
                                StoredTokens fallback) {
        releaseLease();
        if (failure instanceof TokenRefusedException refused) {
            if (refused.isGrantDead() && seed != null && fallback != null) {
                LOG.warn("The configured refresh token of OA {} (app {}) is no longer valid (error {}); using the"
                         + " pair in {}", oaId, manager.appId(), refused.getErrorCode(), manager.store());
                synchronized (this) {
                    current = fallback;
                    changed();
                }
                onIo(attempt, () -> read(attempt, Reason.NEEDED, 0));
                return;
            }
            switch (refused.getReason()) {
                case GRANT_DEAD -> reauthorizationNeeded(attempt, refused.getErrorCode(),
                        "Zalo refused the refresh token of OA " + oaId + " (" + describe(refused) + ")");
                case APP_CREDENTIALS -> fail(attempt, new TokenUnavailableException(ZaloErrorKind.UNAUTHORIZED, oaId,
                        refused.getErrorCode(), "Zalo refused the app's credentials (" + describe(refused)
                                                + "): check zalo.appId and zalo.appSecret",
                        null));
                default -> fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_REFRESH_FAILED, oaId,
                        refused.getErrorCode(), "Zalo refused to refresh the tokens of OA " + oaId + " ("
                                                + describe(refused) + ")",
                        null));
            }
            return;
        }
        fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_REFRESH_FAILED, oaId, null,
                "Could not refresh the tokens of OA " + oaId + ": " + failure.getMessage(), failure));
    }

    private void reauthorizationNeeded(CompletableFuture<AccessToken> attempt, String code, String what) {
        TokenUnavailableException e = new TokenUnavailableException(ZaloErrorKind.REAUTHORIZATION_NEEDED, oaId, code,
                what + ". An OA admin must authorize app " + manager.appId() + " again: run the consent command"
                                                                  + " (see \"Authorizing an OA\" on the component"
                                                                  + " page), which saves the new tokens in the store,"
                                                                  + " or set zalo.refreshToken to a new refresh token",
                null);
        synchronized (this) {
            reauthorization = e;
            reauthorizationCheckedAt = manager.now();
            changed();
        }
        LOG.error("{}", e.getMessage());
        fail(attempt, e);
    }

    private void fail(CompletableFuture<AccessToken> attempt, TokenUnavailableException e) {
        synchronized (this) {
            lastFailureKind = e.getKind();
            lastFailureAt = manager.now();
            lastFailure = e.getMessage();
        }
        attempt.completeExceptionally(e);
    }

    private void releaseLease() {
        try {
            manager.store().releaseLease(manager.appId(), oaId, manager.owner());
        } catch (RuntimeException e) {
            // it expires by itself
            LOG.debug("Could not release the refresh lease of OA {}: {}", oaId, e.getMessage());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Takes the store's pair when it is newer than the one in hand; the caller holds the lock. */
    private boolean adoptIfNewer(StoredTokens stored) {
        if (stored == null || current != null && stored.version() == current.version()
            && sameTokens(stored.tokens(), current.tokens())) {
            return false;
        }
        current = stored;
        changed();
        // a new pair, e.g. saved by the consent command: whatever was refused before may work now
        reauthorization = null;
        return true;
    }

    private static boolean sameTokens(ZaloTokens a, ZaloTokens b) {
        return java.util.Objects.equals(a.getAccessToken(), b.getAccessToken())
               && java.util.Objects.equals(a.getRefreshToken(), b.getRefreshToken());
    }

    /** Whether the configured refresh token is not the start, nor the current link, of the stored chain. */
    private boolean isNewSeed(StoredTokens stored) {
        if (stored == null) {
            return true;
        }
        String digest = TokenDigests.sha256(seedRefreshToken);
        return !digest.equals(stored.tokens().getSeedDigest())
               && !seedRefreshToken.equals(stored.tokens().getRefreshToken());
    }

    private boolean usable(StoredTokens stored, Instant now) {
        if (stored == null) {
            return false;
        }
        ZaloTokens t = stored.tokens();
        return t.getAccessToken() != null && !t.getAccessToken().equals(rejectedAccessToken)
               && usableUntil(t).isAfter(now);
    }

    /** Whether the access token is close enough to its end to refresh it ahead. */
    private boolean dueAhead(ZaloTokens t, Instant now) {
        return !refreshAheadAt(t).isAfter(now);
    }

    /** Whether the pair read from a shared store is old enough to read it again (another instance may refresh). */
    private boolean rereadDue(Instant now) {
        Instant at = rereadAt();
        return at != null && !now.isBefore(at);
    }

    /** A token this close to its end may die in flight: it counts as expired from then on. */
    private static Instant usableUntil(ZaloTokens t) {
        return t.getAccessTokenExpiresAt().minus(min(EXPIRY_MARGIN, lifetime(t).dividedBy(10)));
    }

    private Instant refreshAheadAt(ZaloTokens t) {
        return t.getAccessTokenExpiresAt().minus(min(manager.refreshAhead(), lifetime(t).dividedBy(2)));
    }

    /** When a shared store's pair is to be read again; {@code null} for a store of this JVM alone. */
    private Instant rereadAt() {
        return manager.store().isShared() && readAt != null ? readAt.plus(manager.cacheTime()) : null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration lifetime(ZaloTokens t) {
        return Duration.between(t.getIssuedAt(), t.getAccessTokenExpiresAt());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private AccessToken token(StoredTokens stored) {
        return new AccessToken(oaId, stored.tokens().getAccessToken(), stored.tokens().getAccessTokenExpiresAt());
    }

    private Instant deadline() {
        return manager.now().plus(manager.leaseTime()).plusSeconds(5);
    }

    private void onIo(CompletableFuture<AccessToken> attempt, Runnable step) {
        try {
            manager.io().execute(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    fail(attempt, new TokenUnavailableException(ZaloErrorKind.TOKEN_REFRESH_FAILED, oaId, null,
                            "Could not get an access token for OA " + oaId + ": " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            fail(attempt, stopped());
        }
    }

    private TokenUnavailableException stopped() {
        return new TokenUnavailableException(ZaloErrorKind.TOKEN_REFRESH_FAILED, oaId, null,
                "The zalo component stopped before an access token for OA " + oaId + " was ready", null);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(TokenRefusedException e) {
        return (e.getErrorCode() != null ? "error " + e.getErrorCode() : "an empty answer")
               + (e.getErrorDescription() != null ? ": " + e.getErrorDescription() : "");
    }
}
