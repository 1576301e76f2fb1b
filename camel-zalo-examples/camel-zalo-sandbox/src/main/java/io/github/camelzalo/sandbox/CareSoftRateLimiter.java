package io.github.camelzalo.sandbox;

import java.time.Duration;

/**
 * CareSoft's per-tenant throttle: at most {@code limit} requests per second (15 by default) — a fixed one-second
 * window opened by the first request, as Laravel's throttle does — answered beyond that with HTTP 429. After
 * {@code lockoutAfter} (20) consecutive 429s the tenant is locked out for {@code lockoutDuration} (15 minutes):
 * every request then gets HTTP 404 "Domain incorrect too many times". Refused requests do not count towards the
 * limit; a request let through ends the run of consecutive 429s. Time comes from the {@link SandboxClock}.
 */
final class CareSoftRateLimiter {

    enum Verdict {
        PASS,
        TOO_MANY,
        LOCKED_OUT
    }

    private static final long WINDOW_MILLIS = 1000;

    private final int limit;
    private final int lockoutAfter;
    private final long lockoutMillis;
    private final SandboxClock clock;

    private boolean windowOpen;
    private long windowStart;
    private int inWindow;
    private int consecutive429;
    private long lockedUntil = Long.MIN_VALUE;

    /**
     * @param limit        requests per second; 0 turns the limit off
     * @param lockoutAfter consecutive 429s that lock the tenant out; 0 turns the lock-out off
     */
    CareSoftRateLimiter(int limit, int lockoutAfter, Duration lockoutDuration, SandboxClock clock) {
        this.limit = limit;
        this.lockoutAfter = lockoutAfter;
        this.lockoutMillis = lockoutDuration.toMillis();
        this.clock = clock;
    }

    /** Counts one request and says how to answer it. */
    synchronized Verdict admit(StatsCounter stats) {
        if (limit <= 0) {
            return Verdict.PASS;
        }
        long now = clock.millis();
        if (now < lockedUntil) {
            stats.lockedOut.increment();
            return Verdict.LOCKED_OUT;
        }
        if (!windowOpen || now - windowStart >= WINDOW_MILLIS || now < windowStart) {
            windowOpen = true;
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow < limit) {
            inWindow++;
            consecutive429 = 0;
            return Verdict.PASS;
        }
        stats.rateLimited.increment();
        consecutive429++;
        if (lockoutAfter > 0 && consecutive429 >= lockoutAfter) {
            lockedUntil = now + lockoutMillis;
            consecutive429 = 0;
            stats.lockouts.increment();
        }
        return Verdict.TOO_MANY;
    }

    /** Whole seconds until the current window ends, at least 1: the {@code Retry-After} of a 429. */
    synchronized long secondsUntilNextWindow() {
        long left = windowStart + WINDOW_MILLIS - clock.millis();
        return Math.max(1, (left + 999) / 1000);
    }

    synchronized boolean isLockedOut() {
        return clock.millis() < lockedUntil;
    }

    /** Ends a lock-out and forgets the counts, e.g. between test scenarios. */
    synchronized void reset() {
        windowOpen = false;
        inWindow = 0;
        consecutive429 = 0;
        lockedUntil = Long.MIN_VALUE;
    }
}
