package io.github.camelzalo.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The sandbox's notion of "now": every window (7-day consultation window, 48-hour free replies, rate-limit
 * seconds, the 15-minute lock-out) is measured on it, so a test can jump through time instead of waiting.
 *
 * <ul>
 * <li>{@link #system()} follows real time; {@link #advance(Duration)} and {@link #set(Instant)} shift it, and it keeps
 * ticking from there. The default, so rate limits work in real time.</li>
 * <li>{@link #frozen(Instant)} stands still until it is moved with {@link #advance(Duration)} or {@link #set(Instant)}:
 * every request of a test sees the same instant, so windows and rate limits are exact.</li>
 * </ul>
 * Thread-safe.
 */
public final class SandboxClock {

    /** The providers' local time zone: CareSoft's times are written in it. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock source;
    private final boolean frozen;
    private Instant frozenAt;
    private Duration offset = Duration.ZERO;

    private SandboxClock(Clock source, boolean frozen, Instant frozenAt) {
        this.source = source;
        this.frozen = frozen;
        this.frozenAt = frozenAt;
    }

    /** Real time, which {@link #advance(Duration)} and {@link #set(Instant)} shift. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC(), false, null);
    }

    /** A clock standing still at {@code instant} until it is moved. */
    public static SandboxClock frozen(Instant instant) {
        return new SandboxClock(null, true, Objects.requireNonNull(instant, "instant"));
    }

    /** A clock standing still at a Vietnam local time, e.g. {@code frozen(LocalDateTime.of(2026, 3, 2, 9, 0))}. */
    public static SandboxClock frozen(LocalDateTime vietnamTime) {
        return frozen(vietnamTime.atZone(VIETNAM).toInstant());
    }

    public synchronized Instant now() {
        return frozen ? frozenAt : source.instant().plus(offset);
    }

    /** Now, in Vietnam local time. */
    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), VIETNAM);
    }

    /** Milliseconds since the epoch, for the rate limiter. */
    public long millis() {
        return now().toEpochMilli();
    }

    /** Moves the clock forward (or back, with a negative duration). Returns the new time. */
    public synchronized Instant advance(Duration duration) {
        if (frozen) {
            frozenAt = frozenAt.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
        return now();
    }

    /** Sets the clock to {@code instant}; a system clock keeps ticking from there. */
    public synchronized void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (frozen) {
            frozenAt = instant;
        } else {
            offset = Duration.between(source.instant(), instant);
        }
    }

    public boolean isFrozen() {
        return frozen;
    }

    @Override
    public String toString() {
        return "SandboxClock[" + (frozen ? "frozen at " : "system, now ") + now() + "]";
    }
}
