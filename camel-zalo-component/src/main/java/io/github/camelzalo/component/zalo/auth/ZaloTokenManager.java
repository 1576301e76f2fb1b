package io.github.camelzalo.component.zalo.auth;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The OAuth tokens of one Zalo app, for every OA it acts for. Knows Zalo's OAuth and nothing of Camel routes: the
 * provider asks it for the access token of an OA, and tells it when Zalo refused one.
 * <ul>
 * <li>The first call for an OA reads its pair from the {@link ZaloTokenStore}; the configured refresh token seeds
 * the pair of the default OA when the store has none, or when it is one the store has never seen (an admin's new
 * consent). A stored pair that descends from the configured token wins, so a restart with yesterday's
 * configuration keeps working.</li>
 * <li>The access token is refreshed ahead of its expiry ({@code refreshAhead} before it, or half its lifetime when
 * that is shorter), when it expired, and once when Zalo refused it; never twice at once for one OA.</li>
 * <li>A new pair is saved before any call uses it.</li>
 * </ul>
 * Every method returns at once; the futures complete on the {@code io} executor (store reads and writes run there)
 * or on the caller's thread when the token is in hand.
 */
public final class ZaloTokenManager {

    private final String appId;
    private final ZaloTokenStore store;
    private final TokenEndpoint endpoint;
    private final Executor io;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Duration leaseTime;
    private final Duration cacheTime;
    private final String seedOaId;
    private final String seedRefreshToken;
    private final String owner;
    private final ConcurrentMap<String, OaTokenKeeper> keepers = new ConcurrentHashMap<>();

    private ZaloTokenManager(Builder b) {
        this.appId = Objects.requireNonNull(b.appId, "appId");
        this.store = Objects.requireNonNull(b.store, "store");
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.io = Objects.requireNonNull(b.io, "io");
        this.timer = Objects.requireNonNull(b.timer, "timer");
        this.clock = b.clock;
        this.refreshAhead = b.refreshAhead;
        this.leaseTime = b.leaseTime;
        this.cacheTime = b.cacheTime;
        this.seedOaId = b.seedOaId;
        this.seedRefreshToken = b.seedRefreshToken;
        this.owner = b.owner != null ? b.owner : defaultOwner();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The access token for a call to {@code oaId}. Fails with a {@link TokenUnavailableException}. */
    public CompletableFuture<AccessToken> accessToken(String oaId) {
        return keeper(oaId).accessToken();
    }

    /**
     * The access token for a call to {@code oaId} when one is in hand and nothing needs doing, else {@code null}
     * (then ask {@link #accessToken}). Never blocks, never starts anything.
     */
    public AccessToken readyToken(String oaId) {
        return keeper(oaId).ready();
    }

    /**
     * Zalo refused {@code rejected} (-216, -220, -124): the token to send the call with again. That is the token in
     * hand when someone already replaced the refused one, else a new one.
     */
    public CompletableFuture<AccessToken> rejected(AccessToken rejected) {
        return keeper(rejected.oaId()).rejected(rejected.value());
    }

    /** Refreshes the tokens of {@code oaId} now, unless a refresh is already in flight. */
    public CompletableFuture<AccessToken> refreshNow(String oaId) {
        return keeper(oaId).refreshNow();
    }

    /** What is known of the tokens of every OA used so far (and of the default OA). */
    public List<TokenStatus> statuses() {
        if (seedOaId != null) {
            keeper(seedOaId);
        }
        List<TokenStatus> all = new ArrayList<>();
        keepers.values().forEach(k -> all.add(k.status()));
        all.sort((a, b) -> a.oaId().compareTo(b.oaId()));
        return all;
    }

    public TokenStatus status(String oaId) {
        return keeper(oaId).status();
    }

    public String appId() {
        return appId;
    }

    public ZaloTokenStore store() {
        return store;
    }

    /** Who this manager is when it holds a refresh lease: {@code pid@host/random}, never a secret. */
    public String owner() {
        return owner;
    }

    TokenEndpoint endpoint() {
        return endpoint;
    }

    Executor io() {
        return io;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }

    Duration refreshAhead() {
        return refreshAhead;
    }

    Duration leaseTime() {
        return leaseTime;
    }

    Duration cacheTime() {
        return cacheTime;
    }

    private OaTokenKeeper keeper(String oaId) {
        Objects.requireNonNull(oaId, "oaId");
        return keepers.computeIfAbsent(oaId,
                id -> new OaTokenKeeper(this, id, id.equals(seedOaId) ? seedRefreshToken : null));
    }

    private static String defaultOwner() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return "ZaloTokenManager[app=" + appId + ", store=" + store + "]";
    }

    public static final class Builder {
        private String appId;
        private ZaloTokenStore store;
        private TokenEndpoint endpoint;
        private Executor io;
        private ScheduledExecutorService timer;
        private Clock clock = Clock.systemUTC();
        private Duration refreshAhead = Duration.ofMinutes(10);
        private Duration leaseTime = Duration.ofSeconds(30);
        private Duration cacheTime = Duration.ofSeconds(60);
        private String seedOaId;
        private String seedRefreshToken;
        private String owner;

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        public Builder store(ZaloTokenStore store) {
            this.store = store;
            return this;
        }

        public Builder endpoint(TokenEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Where store reads and writes and the steps after a refresh run: never an I/O thread of the client. */
        public Builder io(Executor io) {
            this.io = io;
            return this;
        }

        /** Schedules the polls while another instance holds the refresh lease. */
        public Builder timer(ScheduledExecutorService timer) {
            this.timer = timer;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long before its expiry an access token is replaced; half its lifetime when that is shorter. */
        public Builder refreshAhead(Duration refreshAhead) {
            this.refreshAhead = refreshAhead;
            return this;
        }

        /** How long a refresh lease lasts when its holder does not give it back (it died). */
        public Builder leaseTime(Duration leaseTime) {
            this.leaseTime = leaseTime;
            return this;
        }

        /** How long a pair read from a shared store is used before the store is read again. */
        public Builder cacheTime(Duration cacheTime) {
            this.cacheTime = cacheTime;
            return this;
        }

        /** The configured refresh token, which seeds the pair of {@code oaId}. */
        public Builder seed(String oaId, String refreshToken) {
            this.seedOaId = oaId;
            this.seedRefreshToken = refreshToken == null || refreshToken.isBlank() ? null : refreshToken.strip();
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public ZaloTokenManager build() {
            return new ZaloTokenManager(this);
        }
    }
}
