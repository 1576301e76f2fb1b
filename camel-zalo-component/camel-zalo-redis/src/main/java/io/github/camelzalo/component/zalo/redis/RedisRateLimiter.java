package io.github.camelzalo.component.zalo.redis;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.pacing.AccountRateLimit;
import io.github.camelzalo.component.zalo.pacing.PacingTimer;
import io.github.camelzalo.component.zalo.pacing.ZaloRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces each provider account across every JVM that uses the same Redis: one Bucket4j bucket per account, reached
 * through Bucket4j's asynchronous Lettuce proxy, so a call waiting for its turn holds no thread; its configured rate
 * (e.g. {@code caresoft.rateLimit}) is then the whole cluster's. A 429 seen by one instance slows every instance
 * down and pauses them all (the bucket's configuration and balance are shared), and the 429s in a row are counted
 * across instances, so that together they stay far from CareSoft's lock-out (20 in a row).
 * <p>
 * When Redis cannot be reached a call fails, not sent, with kind {@code RATE_LIMITER_UNAVAILABLE}: it is never sent
 * unpaced by surprise. With {@link #setFallbackShare fallbackShare} set, each JVM instead paces on its own at that
 * share of the limit until Redis answers again.
 * <p>
 * Register one as a bean; the component finds it. It needs a {@link ZaloRedis}: given, or the one bean of that type
 * ({@code camel.beans.zaloRateLimiter.redis = #bean:zaloRedis} in Camel Main).
 */
public class RedisRateLimiter implements ZaloRateLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

    private ZaloRedis redis;
    private double fallbackShare;
    private int maxRateLimitedInARow = 10;
    private final Map<AccountKey, SharedAccountLimit> limits = new HashMap<>();
    private AsyncProxyManager<String> buckets;
    /** Releases waiting calls and hands out their permits; exists only while some account is open. */
    private final PacingTimer timer = new PacingTimer("ZaloRedisPacer");

    public RedisRateLimiter() {
    }

    public RedisRateLimiter(ZaloRedis redis) {
        this.redis = redis;
    }

    @Override
    public synchronized AccountRateLimit open(AccountKey account, double ratePerSecond) {
        if (redis == null) {
            throw new IllegalStateException("The Redis rate limiter has no ZaloRedis: set its redis property");
        }
        SharedAccountLimit limit = limits.get(account);
        if (limit == null) {
            limit = new SharedAccountLimit(this, account, ratePerSecond);
            limits.put(account, limit);
            LOG.info("Pacing {} at {}/s across every instance that uses {}", account, ratePerSecond, redis);
        } else {
            limit.limitTo(ratePerSecond);
        }
        return limit.lease();
    }

    @Override
    public boolean isShared() {
        return true;
    }

    /** Called by a limit when its last user let go. */
    void closed(SharedAccountLimit limit) {
        ScheduledExecutorService stopped = null;
        synchronized (this) {
            if (limits.get(limit.account()) == limit) {
                limits.remove(limit.account());
            }
            if (limits.isEmpty()) {
                stopped = timer.stop();
            }
        }
        timer.awaitStopped(stopped);
    }

    synchronized AsyncProxyManager<String> buckets() {
        if (buckets == null) {
            buckets = Bucket4jLettuce.casBasedBuilder(redis.bytes())
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            java.time.Duration.ofSeconds(60)))
                    .requestTimeout(redis.commandTimeoutDuration())
                    .build().asAsync();
        }
        return buckets;
    }

    /** The timer that releases waiting calls and on which their permits are handed out. */
    synchronized ScheduledExecutorService timer() {
        return timer.get();
    }

    ZaloRedis redis() {
        return redis;
    }

    @Override
    public void close() {
        synchronized (this) {
            timer.stop();
            buckets = null;
        }
    }

    public ZaloRedis getRedis() {
        return redis;
    }

    public void setRedis(ZaloRedis redis) {
        this.redis = redis;
    }

    public double getFallbackShare() {
        return fallbackShare;
    }

    /**
     * When Redis cannot be reached, pace each account locally at this share of its limit (e.g. 0.33 with three
     * instances) instead of failing the calls; 0, the default, fails them. Between 0 and 1.
     */
    public void setFallbackShare(double fallbackShare) {
        if (fallbackShare < 0 || fallbackShare > 1) {
            throw new IllegalArgumentException("fallbackShare must be between 0 (fail the calls) and 1, but was "
                                               + fallbackShare);
        }
        this.fallbackShare = fallbackShare;
    }

    public int getMaxRateLimitedInARow() {
        return maxRateLimitedInARow;
    }

    /**
     * The 429 answers in a row, counted over every instance, at which all of them pause for a minute (default 10,
     * half of CareSoft's lock-out at 20).
     */
    public void setMaxRateLimitedInARow(int maxRateLimitedInARow) {
        if (maxRateLimitedInARow < 1) {
            throw new IllegalArgumentException("maxRateLimitedInARow must be at least 1");
        }
        this.maxRateLimitedInARow = maxRateLimitedInARow;
    }

    @Override
    public String toString() {
        return "RedisRateLimiter[" + redis + "]";
    }
}
