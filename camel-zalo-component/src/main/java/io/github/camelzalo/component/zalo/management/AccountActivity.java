package io.github.camelzalo.component.zalo.management;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloErrorKind;

/**
 * What the calls of one provider account have done since the component started: successes, failures by kind, the
 * last few failures, and whether the provider has locked the account out. Thread-safe and cheap to update, so every
 * call records itself; cheap to read, so health checks, consoles and JMX may poll it.
 */
public final class AccountActivity {

    /** How many of the latest failures are kept. */
    public static final int RECENT = 10;
    /**
     * How long a lock-out lasts when the provider did not say: CareSoft's 15 minutes, the only lock-out a supported
     * provider has.
     */
    static final Duration DEFAULT_LOCK_OUT = ZaloApiException.MAX_RETRY_AFTER;

    private final Clock clock;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong otherErrors = new AtomicLong();
    private final Map<ZaloErrorKind, AtomicLong> failures = new EnumMap<>(ZaloErrorKind.class);
    // guarded by this
    private final ArrayDeque<Failure> recent = new ArrayDeque<>(RECENT);
    private Instant lastSuccessAt;
    private Instant lockedOutUntil;

    public AccountActivity(Clock clock) {
        this.clock = clock;
        for (ZaloErrorKind kind : ZaloErrorKind.values()) {
            failures.put(kind, new AtomicLong());
        }
    }

    /** One failure as it was reported: when, which operation, what kind and what the exception said. */
    public record Failure(Instant at, String operation, String kind, String message) {
    }

    /** Takes in a finished exchange; {@code failure} is what it failed with, {@code null} for a success. */
    public void record(ZaloCallEvent event, Throwable failure) {
        Instant now = clock.instant();
        if (event.isSuccess()) {
            succeeded.incrementAndGet();
            synchronized (this) {
                lastSuccessAt = now;
                // a call that got through: the provider lets the account in again
                lockedOutUntil = null;
            }
            return;
        }
        if (event.kind() != null) {
            failures.get(event.kind()).incrementAndGet();
        } else if (ZaloCallEvent.INVALID_INPUT.equals(event.outcome())) {
            invalid.incrementAndGet();
            // bad input says nothing about the account
            return;
        } else {
            otherErrors.incrementAndGet();
        }
        // the component's exceptions carry no key and mask phone numbers; other text is left out
        String message = failure instanceof ZaloApiException api ? api.getMessage()
                : failure == null ? null : failure.getClass().getSimpleName();
        synchronized (this) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(new Failure(now, event.operation(), event.outcome(), message));
            if (event.kind() == ZaloErrorKind.LOCKED_OUT) {
                Duration wait = failure instanceof ZaloApiException api && api.getRetryAfter() != null
                        ? api.getRetryAfter() : DEFAULT_LOCK_OUT;
                Instant until = now.plus(wait);
                if (lockedOutUntil == null || until.isAfter(lockedOutUntil)) {
                    lockedOutUntil = until;
                }
            }
        }
    }

    public long getSucceeded() {
        return succeeded.get();
    }

    /** Exchanges that failed with a {@code ZaloApiException} or another error; bad input is not counted here. */
    public long getFailed() {
        long n = otherErrors.get();
        for (AtomicLong c : failures.values()) {
            n += c.get();
        }
        return n;
    }

    /** Exchanges refused for bad input, before anything was sent. */
    public long getInvalidInput() {
        return invalid.get();
    }

    /** The failures so far by kind (the kinds that happened), with {@code ERROR} for failures of no kind. */
    public Map<String, Long> getFailuresByKind() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        failures.forEach((kind, count) -> {
            if (count.get() > 0) {
                byKind.put(kind.name(), count.get());
            }
        });
        if (otherErrors.get() > 0) {
            byKind.put(ZaloCallEvent.ERROR, otherErrors.get());
        }
        return byKind;
    }

    /** The latest failures, oldest first, at most {@value #RECENT}. */
    public synchronized List<Failure> getRecentFailures() {
        return new ArrayList<>(recent);
    }

    public synchronized Failure getLastFailure() {
        return recent.peekLast();
    }

    public synchronized Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    /** Until when the provider locked the account out, or {@code null} when it did not or that time passed. */
    public synchronized Instant getLockedOutUntil() {
        return lockedOutUntil != null && lockedOutUntil.isAfter(clock.instant()) ? lockedOutUntil : null;
    }

    public boolean isLockedOut() {
        return getLockedOutUntil() != null;
    }
}
