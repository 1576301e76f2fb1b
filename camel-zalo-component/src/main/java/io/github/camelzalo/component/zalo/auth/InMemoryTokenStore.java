package io.github.camelzalo.component.zalo.auth;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps pairs in memory only, for tests: a restart forgets them, and with them the newest refresh token, so an OA
 * used in production needs a store that survives restarts ({@link FileTokenStore}, or a shared one).
 */
public class InMemoryTokenStore implements ZaloTokenStore {

    private final Map<String, StoredTokens> pairs = new HashMap<>();

    @Override
    public synchronized StoredTokens load(String appId, String oaId) {
        return pairs.get(key(appId, oaId));
    }

    @Override
    public synchronized long save(String appId, String oaId, ZaloTokens tokens, long expectedVersion) {
        StoredTokens current = pairs.get(key(appId, oaId));
        long actual = current == null ? 0 : current.version();
        if (actual != expectedVersion) {
            throw new TokenStoreConflictException(appId, oaId, expectedVersion, actual);
        }
        pairs.put(key(appId, oaId), new StoredTokens(tokens, actual + 1));
        return actual + 1;
    }

    private static String key(String appId, String oaId) {
        return appId + "/" + oaId;
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore";
    }
}
