package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * CareSoft's per-tenant throttle: at most {@code limit} requests (15 by default) within any one second — a sliding
 * window: a request passes when fewer than {@code limit} requests passed in the second before it — answered beyond
 * that with HTTP 429. After {@code lockoutAfter} (20) consecutive 429s the tenant is locked out for
 * {@code lockoutDuration} (15 minutes): every request then gets HTTP 404 "Domain incorrect too many times". Refused
 * requests do not count towards the limit; a request let through ends the run of consecutive 429s. Time comes from
 * the {@link SandboxClock}.
 * <p>
 * A sliding window is the strictest reading of "15 per second": it also refuses the bursts a window that starts
 * anew each second lets through at its edges (15 at the end of one second and 15 at the start of the next). A client
 * that never gets a 429 here gets none from a fixed-window throttle either, and an evenly spaced client at the limit
 * never gets one.
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

    /** When the last {@code limit} requests that passed did, oldest first. */
    private final ArrayDeque<Long> passed = new ArrayDeque<>();
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
        if (!passed.isEmpty() && passed.peekLast() > now) {
            // the clock was set back (a test going back in time): what passed "later" says nothing now
            passed.clear();
        }
        while (!passed.isEmpty() && passed.peekFirst() <= now - WINDOW_MILLIS) {
            passed.pollFirst();
        }
        if (passed.size() < limit) {
            passed.addLast(now);
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

    /** Whole seconds until the oldest request in the window leaves it, at least 1: the {@code Retry-After} of a 429. */
    synchronized long secondsUntilNextWindow() {
        long left = passed.isEmpty() ? 0 : passed.peekFirst() + WINDOW_MILLIS - clock.millis();
        return Math.max(1, (left + 999) / 1000);
    }

    synchronized boolean isLockedOut() {
        return clock.millis() < lockedUntil;
    }

    /** Ends a lock-out and forgets the counts, e.g. between test scenarios. */
    synchronized void reset() {
        passed.clear();
        consecutive429 = 0;
        lockedUntil = Long.MIN_VALUE;
    }
}
