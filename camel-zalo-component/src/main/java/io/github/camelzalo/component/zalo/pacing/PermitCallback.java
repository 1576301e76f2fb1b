package io.github.camelzalo.component.zalo.pacing;

/** A call waiting for its permit. Called once: with the permit, or because the wait was given up. */
public interface PermitCallback {

    /**
     * The call may go now. Runs on the caller's thread when a permit is free at once, else on the pacing timer,
     * so it must not block.
     *
     * @param permit identifies the permit; hand it back to {@link AccountRateLimit#rateLimited} or
     *               {@link AccountRateLimit#answered} with the call's answer
     */
    void onPermit(long permit);

    /**
     * No permit will come: the owner of the call stopped first, or a shared limiter could not be reached (then
     * {@code cause} is a {@link RateLimiterUnavailableException}). The call must not be sent.
     */
    void onAbandoned(Exception cause);
}
