package io.github.camelzalo.component.zalo.pacing;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One user's hold on the rate limit of one provider account, from {@link ZaloRateLimiter#open}: a call asks it for
 * a permit before it is sent and, once it has its connection, for its turn to be written, and tells it how the
 * provider answered. Waiting holds no thread.
 */
public interface AccountRateLimit {

    /**
     * Calls {@code callback} with a permit: at once on this thread when one is free, else later on the limiter's
     * timer. When the limiter cannot decide (a shared store that cannot be reached), {@code callback} is told
     * {@link PermitCallback#onAbandoned} with a {@link RateLimiterUnavailableException}: the call is not sent.
     *
     * @param  owner who to abandon the call for when it stops waiting, see {@link #release}
     * @return       gives the wait up (the call's time ran out): the callback is then not called
     */
    PacerWait acquire(Object owner, PermitCallback callback);

    /**
     * Runs {@code go} when a call that has its permit and its connection may be written, so that what the provider
     * sees keeps to the limit even when connections open slowly; {@code refused} instead when the limit ends first.
     *
     * @return gives the wait up: neither callback runs then
     */
    PacerWait awaitWrite(Runnable go, Consumer<Exception> refused);

    /**
     * The provider answered the call sent with {@code permit} with a rate-limit error (HTTP 429, Zalo -32): slow
     * down and pause.
     *
     * @param retryAfter the provider's {@code Retry-After}, or {@code null}
     * @param resending  whether the caller will ask for another permit to send the call again
     */
    void rateLimited(long permit, Duration retryAfter, boolean resending);

    /** The call sent with {@code permit} got any answer but a rate-limit error. */
    void answered(long permit);

    /**
     * Back to the configured rate at once, ending a slowdown and its pause (the JMX operation {@code resetRateLimit},
     * for when the provider's overload is known to be over).
     *
     * @return whether this limit can be reset so; a shared one that recovers on its own schedule says false
     */
    default boolean resetSlowdown() {
        return false;
    }

    /** What the limit has done, for monitoring; every getter is cheap. */
    RateLimitStats stats();

    /** Abandons the calls {@code owner} still has waiting (they are told {@code cause}), then lets go. Idempotent. */
    void release(Object owner, Exception cause);
}
