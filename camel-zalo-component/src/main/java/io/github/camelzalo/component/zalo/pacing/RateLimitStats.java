package io.github.camelzalo.component.zalo.pacing;

/**
 * What the client-side rate limit of one provider account has done since the account was first used in this JVM.
 * Read-only; every getter is cheap, so a monitoring route or JMX may poll it.
 */
public interface RateLimitStats {

    /** The account: provider, base URL and a digest of the key (never the key). */
    String getAccount();

    /** The configured rate, permits per second. */
    double getConfiguredRate();

    /** The rate in force now: the configured one, or less after rate-limit answers. */
    double getCurrentRate();

    /** Calls waiting for a permit right now. */
    int getWaiting();

    /** Permits granted: calls sent, resends included. */
    long getPermitsGranted();

    /** Rate-limit answers (HTTP 429) received. */
    long getRateLimitedAnswers();

    /** Rate-limit answers absorbed: the call was sent again after the back-off instead of failing. */
    long getResends();

    /** Times a rate-limit answer made the pacer slow down (the others echoed a slowdown already made). */
    long getSlowdowns();

    /**
     * Calls that had their turn and their connection, but were held back before being written so that the provider
     * never sees more than the limit within a second: calls whose connections opened slowly, then were ready
     * together.
     */
    long getWritesHeldBack();
}
