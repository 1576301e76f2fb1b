package io.github.camelzalo.component.zalo.pacing;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread on which a rate limiter releases its waiting calls: started when first needed and stopped
 * when the limiter's last account is let go, so that stopped contexts leave no thread behind. The limiter calls
 * {@link #get} and {@link #stop} under its own lock, so that an account opened while the last one closes never gets
 * a timer that is being shut down, and {@link #awaitStopped} outside it.
 */
public final class PacingTimer {

    private final String threadName;
    private ScheduledThreadPoolExecutor timer;

    public PacingTimer(String threadName) {
        this.threadName = threadName;
    }

    /** The timer, its thread started when it is not running. */
    public synchronized ScheduledExecutorService get() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    /**
     * Stops the timer now, dropping what it has not run yet.
     *
     * @return the stopped timer, for {@link #awaitStopped}; {@code null} when it was not running
     */
    public synchronized ScheduledExecutorService stop() {
        ScheduledThreadPoolExecutor stopped = timer;
        timer = null;
        if (stopped != null) {
            stopped.shutdownNow();
        }
        return stopped;
    }

    /**
     * Waits up to 5 seconds for the thread of a timer {@link #stop} returned to end, so that a context's stop()
     * returns with no thread of the limiter left; at once when called on that thread, which cannot wait for itself.
     */
    public void awaitStopped(ScheduledExecutorService stopped) {
        if (stopped == null || Thread.currentThread().getName().equals(threadName)) {
            return;
        }
        try {
            stopped.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
