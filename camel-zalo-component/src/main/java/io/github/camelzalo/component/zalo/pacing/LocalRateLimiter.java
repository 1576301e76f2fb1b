package io.github.camelzalo.component.zalo.pacing;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The default rate limiter: each account is paced within this JVM by its {@link AccountPacer}, shared by every
 * endpoint of every CamelContext of the JVM ({@link PacerRegistry}). Several JVMs that call one account each keep
 * to the whole limit on their own, so for replicas use a shared limiter, or give each JVM its share of the limit.
 */
public final class LocalRateLimiter implements ZaloRateLimiter {

    private static final LocalRateLimiter JVM = new LocalRateLimiter(PacerRegistry.jvm());

    private final PacerRegistry registry;

    private LocalRateLimiter(PacerRegistry registry) {
        this.registry = registry;
    }

    /** The limiter of this JVM's pacers. */
    public static LocalRateLimiter jvm() {
        return JVM;
    }

    @Override
    public AccountRateLimit open(AccountKey account, double ratePerSecond) {
        return new Local(registry.lease(account, ratePerSecond));
    }

    @Override
    public String toString() {
        return "LocalRateLimiter";
    }

    /** An account's pacer, leased. */
    private static final class Local implements AccountRateLimit {
        private final PacerRegistry.Lease lease;
        private final AccountPacer pacer;

        Local(PacerRegistry.Lease lease) {
            this.lease = lease;
            this.pacer = lease.pacer();
        }

        @Override
        public PacerWait acquire(Object owner, PermitCallback callback) {
            return pacer.acquire(owner, callback);
        }

        @Override
        public PacerWait awaitWrite(Runnable go, Consumer<Exception> refused) {
            return pacer.awaitWrite(go, refused);
        }

        @Override
        public void rateLimited(long permit, Duration retryAfter, boolean resending) {
            pacer.rateLimited(permit, retryAfter, resending);
        }

        @Override
        public void answered(long permit) {
            pacer.answered(permit);
        }

        @Override
        public boolean resetSlowdown() {
            pacer.resetSlowdown();
            return true;
        }

        @Override
        public RateLimitStats stats() {
            return pacer;
        }

        @Override
        public void release(Object owner, Exception cause) {
            lease.release(owner, cause);
        }
    }
}
