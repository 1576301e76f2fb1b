package io.github.camelzalo.sandbox;

/**
 * The app's OA API rate limit now: a snapshot.
 *
 * @param limitPerMinute    calls allowed in any 60 seconds (0: no limit)
 * @param callsInLastMinute calls let through in the 60 seconds up to now, on the sandbox clock
 * @param remaining         calls left before -32
 * @param rejected          calls answered -32 so far
 */
public record ZaloRateLimit(int limitPerMinute, int callsInLastMinute, int remaining, long rejected) {
}
