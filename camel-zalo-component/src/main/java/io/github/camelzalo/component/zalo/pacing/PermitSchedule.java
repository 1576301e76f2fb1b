package io.github.camelzalo.component.zalo.pacing;

import java.time.Duration;

/**
 * When the next permit to call one account may be granted: the arithmetic of {@link AccountPacer}, on plain
 * {@code System.nanoTime()} values so that it can be tested without a clock. Not thread-safe: the pacer guards it.
 * <p>
 * Three rules decide the earliest permit:
 * <ul>
 * <li><b>Even spacing</b>, never a burst at the start of a second: {@code rate} permits per
 * {@link #SPACING_NANOS}, 1.5% slower than the limit. A provider that counts in windows opened by a request (as
 * CareSoft's Laravel throttle does) would refuse the limit's next request if that opening request reached it late;
 * the 1.5% absorbs up to 15 ms of such delay. A permit released late by the timer lets the next ones catch up
 * (each at least a quarter spacing after the one before), so timer lateness does not add up to a lower rate.</li>
 * <li><b>A sliding window</b>: never more than {@code rate} permits within {@link #WINDOW_NANOS}, whatever the
 * catching up. The window is 5 ms longer than the providers' second; the 1% between it and the spacing is the
 * slack to catch up in.</li>
 * <li><b>A pause</b> after a rate-limit answer: {@code Retry-After} when the provider sent it, else one second
 * (one provider window), doubling while 429s keep coming with no success in between.</li>
 * </ul>
 * <b>What the provider sees</b> is held to the window too: a call that got its permit but then waited for a
 * connection (a slow TLS handshake, a cold JVM) is written only when no more than {@code rate} writes fall within
 * {@link #WRITE_WINDOW_NANOS} ({@link #earliestWrite}); otherwise calls that got their permits on time would land
 * together.
 * <p>
 * After a 429 the rate also drops to 90% of what the provider let through in the window that refused the call
 * (the permits granted in the {@link #WINDOW_NANOS} before it), but by half at most: a limit set far too high
 * settles just below the provider's real limit after one or two 429s; a stray 429 costs 10%; and a 429 after
 * sparse calls (someone else used up the account's limit) does not stop the pace altogether. A slowdown happens at most once per 429 episode: answers to requests sent before
 * it carry no news. The rate then recovers slowly, doubling every {@link #RECOVERY_DOUBLING_NANOS}, up to the
 * configured rate, so it comes back to the provider's limit only now and then.
 */
final class PermitSchedule {

    static final long SPACING_NANOS = 1_015_000_000L;
    static final long WINDOW_NANOS = 1_005_000_000L;
    /**
     * The window for writes: 15 ms longer than the providers' second, the margin the spacing keeps, for a request
     * that reaches the provider later after being written than the one before it did.
     */
    static final long WRITE_WINDOW_NANOS = 1_015_000_000L;
    static final long DEFAULT_BACKOFF_NANOS = 1_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 60_000_000_000L;
    static final long RECOVERY_DOUBLING_NANOS = 60_000_000_000L;
    /** What a slowdown keeps of the rate the provider let through. */
    static final double SLOWDOWN = 0.9;
    /** The lowest rate a slowdown goes to: one permit every two seconds. */
    static final double MIN_RATE = 0.5;
    /** The window rule remembers this many permits at most; above this rate only spacing applies. */
    static final int MAX_REMEMBERED = 10_000;

    private double ceiling;
    private double rate;
    private double resumeRate;
    private long resumeAt;
    private long nextSlot;
    private long pausedUntil;
    private boolean slowedDown;
    private long lastSlowdownAt;
    private int slowdownsInARow;
    private final long[] recent;
    private int recentCount;
    private int newest = -1;
    private final long[] written;
    private int writtenCount;
    private int newestWritten = -1;

    PermitSchedule(double ratePerSecond, long now) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("A rate limit must be positive, but was " + ratePerSecond);
        }
        this.ceiling = ratePerSecond;
        this.rate = ratePerSecond;
        this.resumeRate = ratePerSecond;
        this.resumeAt = now;
        this.nextSlot = now;
        this.pausedUntil = now;
        this.recent = new long[(int) Math.min(MAX_REMEMBERED, Math.ceil(ratePerSecond))];
        this.written = new long[recent.length];
    }

    /** Lowers the configured rate, e.g. when a second user of the account asks for less. Never raises it. */
    void limitTo(double ratePerSecond) {
        if (ratePerSecond > 0 && ratePerSecond < ceiling) {
            ceiling = ratePerSecond;
            rate = Math.min(rate, ceiling);
            resumeRate = Math.min(resumeRate, ceiling);
        }
    }

    double ceiling() {
        return ceiling;
    }

    /**
     * Forgets the slowdowns and the pause: back to the configured rate at once, e.g. when an operator knows the
     * provider's overload is over. What was granted and written stays counted in the windows.
     */
    void resetSlowdown(long now) {
        rate = ceiling;
        resumeRate = ceiling;
        resumeAt = now;
        slowedDown = false;
        slowdownsInARow = 0;
        if (pausedUntil - now > 0) {
            pausedUntil = now;
        }
        if (nextSlot - now > 0) {
            nextSlot = now;
        }
    }

    /** The rate now, permits per second: the configured rate, or less while recovering from a slowdown. */
    double rate(long now) {
        if (rate < ceiling && now - resumeAt > 0) {
            double doublings = (double) (now - resumeAt) / RECOVERY_DOUBLING_NANOS;
            rate = Math.min(ceiling, resumeRate * Math.pow(2, doublings));
        }
        return rate;
    }

    /** The earliest time, not before {@code now}, at which the next permit may be granted. */
    long earliest(long now) {
        long t = latest(now, latest(nextSlot, pausedUntil));
        // at most k permits in any window: the new one must come a window after the k-th newest
        return latest(t, windowOpensAt(recent, recentCount, newest, now, WINDOW_NANOS));
    }

    /** The earliest time, not before {@code now}, at which a call that has its permit and connection may be written. */
    long earliestWrite(long now) {
        return latest(now, windowOpensAt(written, writtenCount, newestWritten, now, WRITE_WINDOW_NANOS));
    }

    /** Records a call written at {@code now}, which must not be before {@link #earliestWrite(long)}. */
    void wrote(long now) {
        newestWritten = (newestWritten + 1) % written.length;
        written[newestWritten] = now;
        writtenCount = Math.min(writtenCount + 1, written.length);
    }

    /** When one more event fits the window: a window after the k-th newest of {@code times}, k the rate now. */
    private long windowOpensAt(long[] times, int count, int newestIndex, long now, long window) {
        int k = (int) Math.max(1, Math.min(times.length, Math.floor(rate(now))));
        if (count < k) {
            return now;
        }
        return times[Math.floorMod(newestIndex - (k - 1), times.length)] + window;
    }

    /**
     * Records a permit granted at {@code now}, which must not be before {@link #earliest(long)}.
     *
     * @param waited whether the permit had to wait for its slot; only then may the next one catch up on lateness
     */
    void grant(long now, boolean waited) {
        long spacing = (long) (SPACING_NANOS / rate(now));
        if (waited) {
            long slot = latest(nextSlot, pausedUntil);
            nextSlot = latest(slot + spacing, now + spacing / 4);
        } else {
            nextSlot = now + spacing;
        }
        newest = (newest + 1) % recent.length;
        recent[newest] = now;
        recentCount = Math.min(recentCount + 1, recent.length);
    }

    /**
     * Takes in a rate-limit answer to the request granted at {@code grantedAt}.
     *
     * @param  retryAfter the provider's {@code Retry-After}, or {@code null}
     * @return            whether this answer slowed the rate down (else it echoed an earlier slowdown)
     */
    boolean rateLimited(long grantedAt, long now, Duration retryAfter) {
        long asked = retryAfter == null ? -1 : Math.min(MAX_BACKOFF_NANOS, nanos(retryAfter));
        if (slowedDown && grantedAt - lastSlowdownAt < 0) {
            // sent before the last slowdown: the same overload, already acted on; only a longer Retry-After counts
            if (asked >= 0) {
                pauseUntil(now + asked);
            }
            return false;
        }
        slowdownsInARow++;
        long backoff = asked >= 0 ? asked
                : Math.min(MAX_BACKOFF_NANOS, DEFAULT_BACKOFF_NANOS << Math.min(slowdownsInARow - 1, 6));
        double current = rate(now);
        // what the provider let through says most when the calls came at full pace; sparse calls say little
        double letThrough = Math.max(grantedWithinWindowBefore(grantedAt), current / 2);
        rate = Math.max(Math.min(MIN_RATE, ceiling), SLOWDOWN * Math.min(current, letThrough));
        resumeRate = rate;
        slowedDown = true;
        lastSlowdownAt = now;
        pauseUntil(now + backoff);
        return true;
    }

    /** The permits granted in the window that ends with {@code grantedAt}, that one included. */
    private int grantedWithinWindowBefore(long grantedAt) {
        int count = 0;
        for (int i = 0; i < recentCount; i++) {
            long t = recent[Math.floorMod(newest - i, recent.length)];
            if (t - grantedAt > 0) {
                continue;
            }
            if (grantedAt - t >= WINDOW_NANOS) {
                break;
            }
            count++;
        }
        return count;
    }

    /** Takes in any other answer to the request granted at {@code grantedAt}: the overload, if any, is over. */
    void answered(long grantedAt) {
        if (!slowedDown || grantedAt - lastSlowdownAt >= 0) {
            slowdownsInARow = 0;
        }
    }

    private void pauseUntil(long until) {
        pausedUntil = latest(pausedUntil, until);
        resumeAt = latest(resumeAt, pausedUntil);
    }

    private static long nanos(Duration d) {
        return d.isNegative() ? 0 : d.compareTo(Duration.ofNanos(MAX_BACKOFF_NANOS)) > 0 ? MAX_BACKOFF_NANOS
                : d.toNanos();
    }

    /** The later of two {@code nanoTime} values, which may wrap around. */
    private static long latest(long a, long b) {
        return a - b >= 0 ? a : b;
    }
}
