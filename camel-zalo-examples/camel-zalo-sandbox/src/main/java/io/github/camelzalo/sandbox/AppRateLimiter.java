package io.github.camelzalo.sandbox;

import java.util.ArrayDeque;

/**
 * Zalo's OA API limit per app: at most {@code limit} calls in any 60 seconds (4,000 by default), counted on a
 * sliding window of the sandbox clock; a call over it is answered -32 and does not count. 0 turns it off.
 */
final class AppRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final SandboxClock clock;
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private int limit;
    private long rejected;

    AppRateLimiter(int limit, SandboxClock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts the call if it is within the limit. */
    synchronized boolean admit() {
        if (limit <= 0) {
            return true;
        }
        long now = clock.millis();
        evict(now);
        if (admitted.size() < limit) {
            admitted.addLast(now);
            return true;
        }
        rejected++;
        return false;
    }

    synchronized ZaloRateLimit snapshot() {
        evict(clock.millis());
        return new ZaloRateLimit(limit, admitted.size(), limit <= 0 ? Integer.MAX_VALUE
                : Math.max(0, limit - admitted.size()), rejected);
    }

    synchronized void setLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must not be negative");
        }
        this.limit = limit;
    }

    synchronized void reset() {
        admitted.clear();
        rejected = 0;
    }

    private void evict(long now) {
        if (!admitted.isEmpty() && admitted.peekLast() > now) {
            admitted.clear(); // the clock was moved back: calls "from the future" would never leave the window
        }
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - WINDOW_MILLIS) {
            admitted.pollFirst();
        }
    }
}
