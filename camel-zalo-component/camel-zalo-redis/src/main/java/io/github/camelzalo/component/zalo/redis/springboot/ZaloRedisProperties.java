package io.github.camelzalo.component.zalo.redis.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.zalo.redis.*}: where the shared state of several instances lives. Setting {@code uri} turns
 * it on.
 */
@ConfigurationProperties(prefix = "camel.component.zalo.redis")
public class ZaloRedisProperties {

    /** Redis, e.g. redis://redis.internal:6379 (rediss:// for TLS, redis-sentinel:// for Sentinel). */
    private String uri;
    /** The password, if Redis wants one (better than in the URI: Spring Boot masks it). */
    private String password;
    /** The prefix of every key. */
    private String keyPrefix = "camel-zalo:";
    /** How long one command may take, ms: then the call it serves fails, or falls back. */
    private long commandTimeout = 2000;
    /** Pace each account across every instance (a RedisRateLimiter bean). */
    private boolean rateLimiter = true;
    /** When Redis cannot be reached, pace locally at this share of the limit; 0 fails the calls instead. */
    private double fallbackShare;
    /** 429 answers in a row, over every instance, at which all of them pause for a minute. */
    private int maxRateLimitedInARow = 10;
    /** Keep the OAs' tokens in Redis (a RedisTokenStore bean). */
    private boolean tokenStore = true;
    /** Replicas a token save waits for. */
    private int replicasToWait;
    /** An IdempotentRepository bean on Redis for zalo:events (unless the application has one). */
    private boolean idempotentRepository = true;
    /** Its processor name: the part of the keys that tells consumers apart. */
    private String processorName = "zalo-events";
    /** How long it remembers the key of a processed event, ms. */
    private long idempotentExpiry = 24 * 60 * 60 * 1000L;
    /**
     * How long the key of an event in flight stays taken when its instance dies before the route ends, ms: longer
     * than a route runs, shorter than Zalo goes on retrying (at most idempotent-expiry).
     */
    private long idempotentInFlightLease = 5 * 60 * 1000L;

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public long getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(long commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public boolean isRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(boolean rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public double getFallbackShare() {
        return fallbackShare;
    }

    public void setFallbackShare(double fallbackShare) {
        this.fallbackShare = fallbackShare;
    }

    public int getMaxRateLimitedInARow() {
        return maxRateLimitedInARow;
    }

    public void setMaxRateLimitedInARow(int maxRateLimitedInARow) {
        this.maxRateLimitedInARow = maxRateLimitedInARow;
    }

    public boolean isTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(boolean tokenStore) {
        this.tokenStore = tokenStore;
    }

    public int getReplicasToWait() {
        return replicasToWait;
    }

    public void setReplicasToWait(int replicasToWait) {
        this.replicasToWait = replicasToWait;
    }

    public boolean isIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(boolean idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getProcessorName() {
        return processorName;
    }

    public void setProcessorName(String processorName) {
        this.processorName = processorName;
    }

    public long getIdempotentExpiry() {
        return idempotentExpiry;
    }

    public void setIdempotentExpiry(long idempotentExpiry) {
        this.idempotentExpiry = idempotentExpiry;
    }

    public long getIdempotentInFlightLease() {
        return idempotentInFlightLease;
    }

    public void setIdempotentInFlightLease(long idempotentInFlightLease) {
        this.idempotentInFlightLease = idempotentInFlightLease;
    }
}
