package io.github.camelzalo.component.zalo.auth;

import java.time.Duration;

/**
 * Where the OAuth tokens of each OA live between calls and across restarts. A Zalo refresh token works once: the
 * pair it returns replaces it, so the store must hold the newest pair before any call uses it, and two writers
 * must never overwrite each other's newer pair. Hence versions: {@link #save} is conditional on the version that
 * was read.
 * <p>
 * A refresh must also happen once at a time per OA: within one JVM the component sees to that; across JVMs a
 * shared store provides a <em>refresh lease</em> ({@link #tryLease}), a short lock that expires on its own, so a
 * replica that dies while refreshing holds the others up for at most the lease's time.
 * <p>
 * The component looks a store up from the registry (option {@code zalo.tokenStore}); by default it uses a
 * {@link FileTokenStore} in {@code zalo.tokenDirectory}. Implementations are thread-safe, and may block briefly
 * (the component calls them off the route's thread); they never log or put a token in an exception message.
 */
public interface ZaloTokenStore {

    /**
     * The pair of one app's OA.
     *
     * @return the pair and its version, or {@code null} when the store holds none
     * @throws ZaloTokenStoreException when the store cannot be read
     */
    StoredTokens load(String appId, String oaId);

    /**
     * Saves a pair if the stored version is still {@code expectedVersion}.
     *
     * @param  expectedVersion             the version read, or 0 when the store held none
     * @return                             the version now stored
     * @throws TokenStoreConflictException when the stored version is another one; nothing was written
     * @throws ZaloTokenStoreException     when the store cannot be written; the caller must then not use the pair
     *                                     as if it were saved
     */
    long save(String appId, String oaId, ZaloTokens tokens, long expectedVersion);

    /**
     * Takes the refresh lease of one app's OA for {@code ttl}, unless someone else holds it. Taking a lease one
     * already holds renews it. A store used by one JVM only may always grant it (the default): the component
     * refreshes once at a time per OA within its JVM.
     *
     * @param  owner who asks: the same owner string releases it
     * @return       whether {@code owner} now holds the lease
     */
    default boolean tryLease(String appId, String oaId, String owner, Duration ttl) {
        return true;
    }

    /** Gives the lease back if {@code owner} still holds it. */
    default void releaseLease(String appId, String oaId, String owner) {
    }

    /** Who holds the refresh lease now, for consoles and health checks, or {@code null} when nobody or unknown. */
    default String leaseHolder(String appId, String oaId) {
        return null;
    }

    /**
     * Whether other JVMs may save pairs in this store. Then the component rereads the store before it refreshes,
     * after a call was refused for a bad token, and at least every {@code tokenCacheTime}, so it notices a pair
     * another JVM saved.
     */
    default boolean isShared() {
        return false;
    }
}
