package io.github.camelzalo.component.zalo.management;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;

/**
 * A provider account a component's endpoints call, as monitoring shows it: provider, base URL, a digest of the key,
 * how many endpoints use it, what its calls did and what its rate limit does. Holds no secret.
 */
public final class MonitoredAccount {

    private final AccountKey key;
    private final AccountActivity activity;
    /** The started endpoints of the account, each with the pacer statistics it sees. */
    private final Map<Object, Supplier<RateLimitStats>> endpoints = new ConcurrentHashMap<>();

    MonitoredAccount(AccountKey key, AccountActivity activity) {
        this.key = key;
        this.activity = activity;
    }

    public AccountKey getKey() {
        return key;
    }

    public String getProvider() {
        return key.getProvider();
    }

    public String getBaseUrl() {
        return key.getBaseUrl();
    }

    /** The first eight hex digits of the SHA-256 of the key (the app id for provider zalo), never the key. */
    public String getKeyDigest() {
        return key.getKeyDigest();
    }

    /**
     * A short name of the account, unique in practice and stable across restarts, for ids and metric tags: the base
     * URL's host and the key's digest, {@code api.caresoft.vn-1a2b3c4d}.
     */
    public String getId() {
        return idOf(key);
    }

    /** See {@link #getId()}. */
    public static String idOf(AccountKey key) {
        String host;
        try {
            host = URI.create(key.getBaseUrl()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return (host == null ? "unknown" : host) + "-" + key.getKeyDigest();
    }

    /** {@code caresoft https://api.caresoft.vn/acme key#1a2b3c4d}. */
    public String getName() {
        return key.toString();
    }

    public AccountActivity getActivity() {
        return activity;
    }

    public int getEndpoints() {
        return endpoints.size();
    }

    /** What the account's rate limit has done, or {@code null} when pacing is off for it. */
    public RateLimitStats getRateLimitStats() {
        for (Supplier<RateLimitStats> s : endpoints.values()) {
            RateLimitStats stats = s.get();
            if (stats != null) {
                return stats;
            }
        }
        return null;
    }

    /** @return whether {@code endpoint} is the first of the account */
    boolean join(Object endpoint, Supplier<RateLimitStats> stats) {
        boolean first = endpoints.isEmpty();
        endpoints.put(endpoint, stats);
        return first;
    }

    /** @return whether {@code endpoint} was the last of the account */
    boolean leave(Object endpoint) {
        return endpoints.remove(endpoint) != null && endpoints.isEmpty();
    }

    @Override
    public String toString() {
        return getName();
    }
}
