package io.github.camelzalo.component.zalo.pacing;

/**
 * Where the client-side rate limit of each provider account lives: the SPI behind pacing. The default,
 * {@link LocalRateLimiter}, paces each account within this JVM; a shared one (Redis, in {@code camel-zalo-redis})
 * paces it across every JVM that uses the same store, so that several replicas of one integration keep to one
 * account's limit together.
 * <p>
 * The component uses the bean set as its {@code rateLimiter} option, else the one bean of this type in the registry,
 * else the local one. Every method returns at once: a call that has to wait is called back later and holds no
 * thread meanwhile. Implementations are thread-safe.
 */
public interface ZaloRateLimiter {

    /**
     * Takes part in the rate limit of {@code account} until the returned limit is {@linkplain AccountRateLimit#release
     * released}: an endpoint opens it when it starts and releases it when it stops. Users of one account share one
     * limit; when they ask for different rates, the lower applies.
     *
     * @param ratePerSecond the most calls per second the provider allows this account, more than 0
     */
    AccountRateLimit open(AccountKey account, double ratePerSecond);

    /** Whether other JVMs count against the same limits: then the configured rate is the whole cluster's. */
    default boolean isShared() {
        return false;
    }
}
