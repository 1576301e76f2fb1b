package io.github.camelzalo.component.zalo.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-side rate limit of one provider account, shared by every endpoint of the JVM that calls it. A call
 * asks for a permit and is called back when it may go; waiting holds no thread: waiting calls sit in a FIFO queue
 * and one task on a timer releases the head when its slot comes. A call that has its permit and then its
 * connection asks once more, for its turn to be written ({@link #awaitWrite}), so that what the provider sees keeps
 * to the limit even when connections open slowly. The timing rules are {@link PermitSchedule}'s.
 */
public final class AccountPacer implements RateLimitStats {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPacer.class);

    private final AccountKey account;
    private final ScheduledExecutorService timer;
    private final LongSupplier clock;
    private final PermitSchedule schedule;
    private final WaitQueue<Waiter> waiting = new WaitQueue<>();
    private final WaitQueue<Writer> writers = new WaitQueue<>();
    private ScheduledFuture<?> pump;
    private long pumpAt;
    private boolean closed;
    private long permitsGranted;
    private long rateLimitedAnswers;
    private long resends;
    private long slowdowns;
    private long writesHeldBack;

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
     * @param  owner who to abandon the call for when it stops waiting, see {@link #abandon}
     * @return       gives the wait up (the call's time ran out): the callback is then not called
     */
    public PacerWait acquire(Object owner, PermitCallback callback) {
        long permit = 0;
        boolean granted = false;
        Waiter queued = null;
        Dropped dropped = Dropped.NONE;
        synchronized (this) {
            long now = clock.getAsLong();
            if (closed) {
                dropped = new Dropped(List.of(new Waiter(owner, callback)), List.of());
            } else if (waiting.live() == 0 && now - schedule.earliest(now) >= 0) {
                permit = grant(now, false);
                granted = true;
            } else {
                queued = new Waiter(owner, callback);
                waiting.add(queued);
                dropped = pumpBy(schedule.earliest(now), now);
            }
        }
        if (granted) {
            callback.onPermit(permit);
        }
        dropped.tell(null);
        return queued != null ? queued : PacerWait.NONE;
    }

    /**
     * Runs {@code go} when a call that has its permit and its connection may be written: at once on this thread
     * when that keeps what the provider sees to the limit, else later on the pacing timer. {@code refused} runs
     * instead when the pacer ends first.
     *
     * @return gives the wait up (the call's time ran out): neither callback runs then
     */
    public PacerWait awaitWrite(Runnable go, Consumer<Exception> refused) {
        Writer queued = null;
        boolean now = false;
        Dropped dropped = Dropped.NONE;
        synchronized (this) {
            long t = clock.getAsLong();
            if (closed) {
                dropped = new Dropped(List.of(), List.of(new Writer(go, refused)));
            } else if (writers.live() == 0 && t - schedule.earliestWrite(t) >= 0) {
                schedule.wrote(t);
                now = true;
            } else {
                queued = new Writer(go, refused);
                writers.add(queued);
                writesHeldBack++;
                dropped = pumpBy(schedule.earliestWrite(t), t);
            }
        }
        if (now) {
            go.run();
        }
        dropped.tell(null);
        return queued != null ? queued : PacerWait.NONE;
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

    /**
     * Back to the configured rate at once, without the pause of the last rate-limit answer (an operator's decision,
     * e.g. from JMX): calls waiting for a permit are released as the rate allows.
     */
    public void resetSlowdown() {
        Dropped dropped = Dropped.NONE;
        synchronized (this) {
            long now = clock.getAsLong();
            schedule.resetSlowdown(now);
            if (!closed && waiting.live() > 0) {
                dropped = pumpBy(schedule.earliest(now), now);
            }
        }
        LOG.info("The rate limit of {} was reset to {} calls/s", account,
                String.format("%.1f", getConfiguredRate()));
        dropped.tell(null);
    }

    /** The call sent with {@code permit} got any answer but a rate-limit error. */
    public synchronized void answered(long permit) {
        schedule.answered(permit);
    }

    /** Gives up the waits of {@code owner}'s calls, e.g. because its endpoint stops; they are told so. */
    public void abandon(Object owner, Exception cause) {
        List<Waiter> dropped;
        synchronized (this) {
            dropped = waiting.remove(w -> w.owner == owner);
        }
        new Dropped(dropped, List.of()).tell(cause);
    }

    /**
     * Ends this pacer when nobody leases it any more: whoever still waits (a call resent after its endpoint
     * stopped, a call waiting to be written) is told so, and so is whoever asks later, instead of waiting for a
     * timer that is gone.
     */
    void close() {
        Dropped dropped;
        synchronized (this) {
            closed = true;
            dropped = takeAllWaiting();
            if (pump != null) {
                pump.cancel(false);
                pump = null;
            }
        }
        dropped.tell(null);
    }

    /** Releases the head of the permit queue, and the writers, whose time has come; then waits for the next. */
    private void pumpNow() {
        Waiter released = null;
        long permit = 0;
        List<Writer> written = new ArrayList<>();
        Dropped dropped = Dropped.NONE;
        synchronized (this) {
            pump = null;
            long now = clock.getAsLong();
            if (waiting.live() > 0 && now - schedule.earliest(now) >= 0) {
                released = waiting.poll();
                permit = grant(now, true);
            }
            while (writers.live() > 0 && now - schedule.earliestWrite(now) >= 0) {
                schedule.wrote(now);
                written.add(writers.poll());
            }
            long next = Long.MAX_VALUE;
            if (waiting.live() > 0) {
                next = schedule.earliest(now);
            }
            if (writers.live() > 0) {
                next = next == Long.MAX_VALUE ? schedule.earliestWrite(now) : earliestOf(next, schedule.earliestWrite(now));
            }
            if (next != Long.MAX_VALUE) {
                dropped = pumpBy(next, now);
            }
        }
        dropped.tell(null);
        if (released != null) {
            try {
                released.callback.onPermit(permit);
            } catch (RuntimeException e) {
                // the pacing timer serves every account: one failing call must not stop it
                LOG.warn("A call paced for {} failed to start", account, e);
            }
        }
        for (Writer w : written) {
            try {
                w.go.run();
            } catch (RuntimeException e) {
                LOG.warn("A call paced for {} failed to be written", account, e);
            }
        }
    }

    /**
     * Makes sure the timer runs the pump by {@code at}. Returns the calls it had to drop, to be told outside the
     * lock (their routes go on): only when the last user of pacing has stopped the timer, since whoever still
     * waits must not wait forever.
     */
    private Dropped pumpBy(long at, long now) {
        if (pump != null && at - pumpAt >= 0) {
            return Dropped.NONE;
        }
        if (pump != null) {
            pump.cancel(false);
        }
        try {
            pump = timer.schedule(this::pumpNow, Math.max(0, at - now), TimeUnit.NANOSECONDS);
            pumpAt = at;
            return Dropped.NONE;
        } catch (RejectedExecutionException e) {
            pump = null;
            return takeAllWaiting();
        }
    }

    private Dropped takeAllWaiting() {
        return new Dropped(waiting.takeAll(), writers.takeAll());
    }

    private static long earliestOf(long a, long b) {
        return a - b <= 0 ? a : b;
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
        return waiting.live();
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
    public synchronized long getWritesHeldBack() {
        return writesHeldBack;
    }

    @Override
    public String toString() {
        return "AccountPacer[" + account + "]";
    }

    private final class Waiter extends WaitQueue.Entry implements PacerWait {
        final Object owner;
        final PermitCallback callback;

        Waiter(Object owner, PermitCallback callback) {
            this.owner = owner;
            this.callback = callback;
        }

        @Override
        public void cancel() {
            synchronized (AccountPacer.this) {
                waiting.giveUp(this);
            }
        }
    }

    private final class Writer extends WaitQueue.Entry implements PacerWait {
        final Runnable go;
        final Consumer<Exception> refused;

        Writer(Runnable go, Consumer<Exception> refused) {
            this.go = go;
            this.refused = refused;
        }

        @Override
        public void cancel() {
            synchronized (AccountPacer.this) {
                writers.giveUp(this);
            }
        }
    }

    /** Calls a pacer had to drop, told outside its lock. */
    private record Dropped(List<Waiter> waiters, List<Writer> writers) {
        static final Dropped NONE = new Dropped(List.of(), List.of());

        void tell(Exception cause) {
            if (waiters.isEmpty() && writers.isEmpty()) {
                return;
            }
            Exception reason = cause != null ? cause
                    : new RejectedExecutionException("Pacing stopped before the call's turn came; it was not sent");
            waiters.forEach(w -> w.callback.onAbandoned(reason));
            writers.forEach(w -> w.refused.accept(reason));
        }
    }
}
