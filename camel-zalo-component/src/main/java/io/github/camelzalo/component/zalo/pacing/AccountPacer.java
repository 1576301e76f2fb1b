package io.github.camelzalo.component.zalo.pacing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-side rate limit of one provider account, shared by every endpoint of the JVM that calls it. A call
 * asks for a permit and is called back when it may go; waiting holds no thread: waiting calls sit in a FIFO queue
 * and one task on a timer releases the head when its slot comes. The timing rules are {@link PermitSchedule}'s.
 */
public final class AccountPacer implements RateLimitStats {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPacer.class);

    private final AccountKey account;
    private final ScheduledExecutorService timer;
    private final LongSupplier clock;
    private final PermitSchedule schedule;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> pump;
    private boolean closed;
    private long permitsGranted;
    private long rateLimitedAnswers;
    private long resends;
    private long slowdowns;

    AccountPacer(AccountKey account, double ratePerSecond, ScheduledExecutorService timer, LongSupplier clock) {
        this.account = account;
        this.timer = timer;
        this.clock = clock;
        this.schedule = new PermitSchedule(ratePerSecond, clock.getAsLong());
    }

    /**
     * Calls {@code callback} with a permit: at once on this thread when one is free and nobody is queued, else
     * later on the pacing timer.
     *
     * @param owner who to abandon the call for when it stops waiting, see {@link #abandon}
     */
    public void acquire(Object owner, PermitCallback callback) {
        long permit = 0;
        boolean granted = false;
        List<Waiter> dropped = List.of();
        synchronized (this) {
            long now = clock.getAsLong();
            if (closed) {
                dropped = List.of(new Waiter(owner, callback));
            } else if (waiting.isEmpty() && now - schedule.earliest(now) >= 0) {
                permit = grant(now, false);
                granted = true;
            } else {
                waiting.add(new Waiter(owner, callback));
                if (pump == null) {
                    dropped = schedulePump(now);
                }
            }
        }
        if (granted) {
            callback.onPermit(permit);
        }
        abandonAll(dropped, null);
    }

    /**
     * The provider answered the call sent with {@code permit} with a rate-limit error: slow down and pause.
     *
     * @param retryAfter the provider's {@code Retry-After}, or {@code null}
     * @param resending  whether the caller will ask for another permit to send the call again
     */
    public synchronized void rateLimited(long permit, Duration retryAfter, boolean resending) {
        rateLimitedAnswers++;
        if (resending) {
            resends++;
        }
        long now = clock.getAsLong();
        if (schedule.rateLimited(permit, now, retryAfter)) {
            slowdowns++;
            LOG.warn("Rate limited by {}: slowing down to {} calls/s, next call in {} ms", account,
                    String.format("%.1f", schedule.rate(now)), (schedule.earliest(now) - now) / 1_000_000);
        }
    }

    /** The call sent with {@code permit} got any answer but a rate-limit error. */
    public synchronized void answered(long permit) {
        schedule.answered(permit);
    }

    /** Gives up the waits of {@code owner}'s calls, e.g. because its endpoint stops; they are told so. */
    public void abandon(Object owner, Exception cause) {
        List<Waiter> dropped = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.owner == owner) {
                    it.remove();
                    dropped.add(w);
                }
            }
        }
        abandonAll(dropped, cause);
    }

    /**
     * Ends this pacer when nobody leases it any more: whoever still waits (a call resent after its endpoint
     * stopped) is told so, and so is whoever asks later, instead of waiting for a timer that is gone.
     */
    void close() {
        List<Waiter> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(waiting);
            waiting.clear();
            if (pump != null) {
                pump.cancel(false);
                pump = null;
            }
        }
        abandonAll(dropped, null);
    }

    /** Releases the head of the queue when its slot has come, then waits for the next slot. */
    private void pumpNow() {
        Waiter released = null;
        long permit = 0;
        List<Waiter> dropped = List.of();
        synchronized (this) {
            pump = null;
            long now = clock.getAsLong();
            if (!waiting.isEmpty() && now - schedule.earliest(now) >= 0) {
                released = waiting.poll();
                permit = grant(now, true);
            }
            if (!waiting.isEmpty()) {
                dropped = schedulePump(now);
            }
        }
        abandonAll(dropped, null);
        if (released != null) {
            try {
                released.callback.onPermit(permit);
            } catch (RuntimeException e) {
                // the pacing timer serves every account: one failing call must not stop it
                LOG.warn("A call paced for {} failed to start", account, e);
            }
        }
    }

    /**
     * Waits for the next slot on the timer. Returns the waiters it had to drop, to be told outside the lock (their
     * routes go on): only when the last user of pacing has stopped the timer, since whoever still waits must not
     * wait forever.
     */
    private List<Waiter> schedulePump(long now) {
        long delay = Math.max(0, schedule.earliest(now) - now);
        try {
            pump = timer.schedule(this::pumpNow, delay, TimeUnit.NANOSECONDS);
            return List.of();
        } catch (RejectedExecutionException e) {
            List<Waiter> dropped = new ArrayList<>(waiting);
            waiting.clear();
            return dropped;
        }
    }

    private static void abandonAll(List<Waiter> dropped, Exception cause) {
        if (dropped.isEmpty()) {
            return;
        }
        Exception reason = cause != null ? cause
                : new RejectedExecutionException("Pacing stopped before the call's turn came; it was not sent");
        dropped.forEach(w -> w.callback.onAbandoned(reason));
    }

    private long grant(long now, boolean waited) {
        schedule.grant(now, waited);
        permitsGranted++;
        return now;
    }

    synchronized void limitTo(double ratePerSecond) {
        schedule.limitTo(ratePerSecond);
    }

    @Override
    public String getAccount() {
        return account.toString();
    }

    @Override
    public synchronized double getConfiguredRate() {
        return schedule.ceiling();
    }

    @Override
    public synchronized double getCurrentRate() {
        return schedule.rate(clock.getAsLong());
    }

    @Override
    public synchronized int getWaiting() {
        return waiting.size();
    }

    @Override
    public synchronized long getPermitsGranted() {
        return permitsGranted;
    }

    @Override
    public synchronized long getRateLimitedAnswers() {
        return rateLimitedAnswers;
    }

    @Override
    public synchronized long getResends() {
        return resends;
    }

    @Override
    public synchronized long getSlowdowns() {
        return slowdowns;
    }

    @Override
    public String toString() {
        return "AccountPacer[" + account + "]";
    }

    private record Waiter(Object owner, PermitCallback callback) {
    }
}
