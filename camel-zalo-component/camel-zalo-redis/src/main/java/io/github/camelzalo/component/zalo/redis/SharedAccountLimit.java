package io.github.camelzalo.component.zalo.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.AsyncVerboseBucket;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.pacing.AccountRateLimit;
import io.github.camelzalo.component.zalo.pacing.PacerRegistry;
import io.github.camelzalo.component.zalo.pacing.PacerWait;
import io.github.camelzalo.component.zalo.pacing.PermitCallback;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.component.zalo.pacing.RateLimiterUnavailableException;
import io.github.camelzalo.component.zalo.pacing.WaitQueue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared rate limit of one account, as this JVM takes part in it. Calls wait in a FIFO queue of this JVM; one
 * request to Redis at a time takes as many tokens as there are calls waiting (up to the bucket's capacity) and hands
 * them out, then the next request goes when the bucket says the next token is there. So a JVM with a queue asks
 * Redis about once per token at low rates, and takes several per round trip at high ones.
 * <p>
 * Permits are the epoch milliseconds at which they were granted: the shared 429 state tells, by them, a 429 to a
 * request sent after the last slowdown (news) from one sent before it (an echo), whichever instance sent it.
 */
final class SharedAccountLimit implements RateLimitStats {

    private static final Logger LOG = LoggerFactory.getLogger(SharedAccountLimit.class);
    /** How long calls fail at once after Redis could not be reached, before it is asked again. */
    static final long UNAVAILABLE_NANOS = 1_000_000_000L;
    static final long RECOVERY_CHECK_NANOS = 5_000_000_000L;
    static final long RECOVERY_DOUBLING_MILLIS = 60_000;
    static final long FALLBACK_PROBE_MILLIS = 2_000;
    static final double MIN_RATE = 0.5;

    private final RedisRateLimiter limiter;
    private final AccountKey account;
    private final String stateKey;
    private final String grantsKey;
    private final String member = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final AsyncBucketProxy bucket;
    private final AsyncVerboseBucket verbose;
    private final RedisAsyncCommands<String, String> commands;

    // guarded by this
    private final WaitQueue<Waiter> waiting = new WaitQueue<>();
    private boolean busy;
    private ScheduledFuture<?> scheduled;
    private double ceiling;
    private double sharedLimit;
    private long unavailableUntil;
    private long pausedUntilNanos;
    private long lastRecoveryCheck;
    private boolean mayHaveInARow;
    private int users;
    private boolean closed;
    private PacerRegistry.Lease fallback;
    private boolean inFallback;

    private long permitsGranted;
    private long rateLimitedAnswers;
    private long resends;
    private long slowdowns;
    private long unavailable;

    SharedAccountLimit(RedisRateLimiter limiter, AccountKey account, double ratePerSecond) {
        this.limiter = limiter;
        this.account = account;
        this.ceiling = ratePerSecond;
        this.sharedLimit = ratePerSecond;
        this.pausedUntilNanos = System.nanoTime();
        ZaloRedis redis = limiter.redis();
        String id = account.id();
        this.stateKey = redis.key("pace", id, "state");
        this.grantsKey = redis.key("pace", id, "grants");
        BucketParameters parameters = new BucketParameters(ratePerSecond);
        this.bucket = limiter.buckets().builder().build(redis.key("pace", id, "bucket"),
                () -> CompletableFuture.completedFuture(parameters.configuration()));
        this.verbose = bucket.asVerbose();
        this.commands = redis.strings().async();
    }

    AccountKey account() {
        return account;
    }

    synchronized AccountRateLimit lease() {
        users++;
        return new Lease();
    }

    /** A second user of the account asks for less: the lower rate applies, here and, on the next check, in Redis. */
    synchronized void limitTo(double ratePerSecond) {
        if (ratePerSecond > 0 && ratePerSecond < ceiling) {
            LOG.info("The rate limit of {} is set to both {}/s and {}/s; the lower applies", account, ceiling,
                    ratePerSecond);
            ceiling = ratePerSecond;
            lastRecoveryCheck = 0;
        }
    }

    // ---- permits -------------------------------------------------------------------------------------------

    PacerWait acquire(Object owner, PermitCallback callback) {
        RateLimiterUnavailableException refused = null;
        PacerRegistry.Lease local = null;
        Waiter queued = null;
        synchronized (this) {
            long now = System.nanoTime();
            if (closed) {
                refused = new RateLimiterUnavailableException("The rate limit of " + account + " is closed", null);
            } else if (inFallback) {
                local = fallback;
            } else if (unavailableUntil != 0 && now - unavailableUntil < 0) {
                refused = unavailableNow(null);
            } else {
                queued = new Waiter(owner, callback);
                waiting.add(queued);
            }
        }
        if (refused != null) {
            callback.onAbandoned(refused);
            return PacerWait.NONE;
        }
        if (local != null) {
            return local.pacer().acquire(owner, callback);
        }
        pump();
        return queued;
    }

    /** Asks Redis for tokens when calls wait and no request is on its way or scheduled. */
    private void pump() {
        int asked;
        synchronized (this) {
            if (busy || closed || waiting.live() == 0) {
                return;
            }
            long now = System.nanoTime();
            if (now - pausedUntilNanos < 0) {
                schedulePump(pausedUntilNanos - now);
                return;
            }
            busy = true;
            asked = (int) Math.min(waiting.live(), new BucketParameters(sharedLimit).capacity());
        }
        CompletableFuture<VerboseResult<Long>> taken;
        try {
            taken = verbose.tryConsumeAsMuchAsPossible(asked);
        } catch (RuntimeException e) {
            taken = CompletableFuture.failedFuture(e);
        }
        taken.whenComplete((result, failure) -> onTimer(() -> took(asked, result, failure)));
    }

    /** On the timer: hands out the tokens Redis gave, then asks again when the next one is due. */
    private void took(int asked, VerboseResult<Long> result, Throwable failure) {
        if (failure != null) {
            unreachable(failure);
            return;
        }
        long got = result.getValue();
        double limitInRedis = BucketParameters.limitOf(result.getConfiguration());
        long delayNanos = got < asked ? Math.max(0, result.getState()
                .calculateDelayNanosAfterWillBePossibleToConsume(1, result.getOperationTimeNanos(), false)) : 0;
        long permit = System.currentTimeMillis();
        List<Waiter> granted = new ArrayList<>();
        boolean checkConfiguration;
        synchronized (this) {
            busy = false;
            unavailableUntil = 0;
            sharedLimit = limitInRedis;
            // a 429 came while the tokens were on their way: they are dropped, the calls wait out the pause
            boolean paused = System.nanoTime() - pausedUntilNanos < 0;
            for (int i = 0; i < got && !paused && waiting.live() > 0; i++) {
                granted.add(waiting.poll());
            }
            permitsGranted += granted.size();
            if (waiting.live() > 0 && delayNanos > 0) {
                schedulePump(delayNanos);
            }
            long now = System.nanoTime();
            checkConfiguration = limitInRedis > ceiling * 1.001
                                 || limitInRedis < ceiling * 0.95 && now - lastRecoveryCheck > RECOVERY_CHECK_NANOS;
            if (checkConfiguration) {
                lastRecoveryCheck = now;
            }
        }
        if (got > 0) {
            recordGrants(permit, got);
        }
        for (Waiter w : granted) {
            try {
                w.callback.onPermit(permit);
            } catch (RuntimeException e) {
                LOG.warn("A call paced for {} failed to start", account, e);
            }
        }
        if (checkConfiguration) {
            checkConfiguration(limitInRedis);
        }
        pump();
    }

    /** What the cluster took, for the estimate of what the provider let through when it first refuses. */
    private void recordGrants(long now, long count) {
        commands.eval(PacingScripts.GRANTED, ScriptOutputType.INTEGER, new String[] { grantsKey },
                String.valueOf(now), String.valueOf(count), member + "-" + sequence.incrementAndGet());
    }

    /**
     * The bucket in Redis has another limit than this JVM's: a higher one is brought down to ours (the lower applies,
     * e.g. after a redeploy with a lower limit); a lower one after a slowdown comes back up, doubling every minute
     * after the pause, to our limit.
     */
    private void checkConfiguration(double limitInRedis) {
        double target;
        synchronized (this) {
            target = ceiling;
        }
        if (limitInRedis > target * 1.001) {
            replaceLimit(target);
            return;
        }
        commands.hmget(stateKey, "slowRate", "pausedUntil").whenComplete((values, failure) -> {
            if (failure != null || values == null || values.get(0).isEmpty() || values.get(1).isEmpty()) {
                return;
            }
            double slowRate = Double.parseDouble(values.get(0).getValue());
            long pausedUntil = (long) Double.parseDouble(values.get(1).getValue());
            long since = System.currentTimeMillis() - pausedUntil;
            if (since <= 0) {
                return;
            }
            double recovered = Math.min(target, slowRate * Math.pow(2, (double) since / RECOVERY_DOUBLING_MILLIS));
            if (recovered >= limitInRedis * 1.05 || recovered >= target && limitInRedis < target) {
                replaceLimit(recovered);
            }
        });
    }

    private void replaceLimit(double limit) {
        bucket.replaceConfiguration(new BucketParameters(limit).configuration(), TokensInheritanceStrategy.AS_IS)
                .whenComplete((v, failure) -> {
                    if (failure == null) {
                        LOG.debug("The shared rate limit of {} is now {}/s", account, String.format("%.1f", limit));
                    }
                });
    }

    /** Redis failed or did not answer in time: fail the waiting calls, or go on pacing locally when so configured. */
    private void unreachable(Throwable failure) {
        Throwable cause = unwrap(failure);
        double share = limiter.getFallbackShare();
        List<Waiter> failed = List.of();
        List<Waiter> moved = List.of();
        PacerRegistry.Lease local = null;
        RateLimiterUnavailableException refusal = null;
        synchronized (this) {
            busy = false;
            unavailable++;
            if (closed) {
                return;
            }
            if (share > 0) {
                if (fallback == null) {
                    fallback = PacerRegistry.jvm().lease(account, Math.max(MIN_RATE, ceiling * share));
                }
                if (!inFallback) {
                    inFallback = true;
                    LOG.warn("Redis at {} cannot be reached ({}): pacing {} in this JVM at {}/s ({} of the limit)"
                             + " until it answers again", limiter.redis().where(), cause.toString(), account,
                            String.format("%.1f", Math.max(MIN_RATE, ceiling * share)), share);
                    scheduleProbe();
                }
                local = fallback;
                moved = waiting.takeAll();
            } else {
                unavailableUntil = System.nanoTime() + UNAVAILABLE_NANOS;
                refusal = unavailableNow(cause);
                failed = waiting.takeAll();
            }
        }
        if (refusal != null) {
            LOG.warn("{}", refusal.getMessage());
        }
        for (Waiter w : failed) {
            w.callback.onAbandoned(refusal);
        }
        for (Waiter w : moved) {
            w.delegate = local.pacer().acquire(w.owner, w.callback);
        }
    }

    private RateLimiterUnavailableException unavailableNow(Throwable cause) {
        return new RateLimiterUnavailableException("No turn under the shared rate limit of " + account + ": Redis at "
                                                   + limiter.redis().where() + " "
                                                   + (cause == null ? "could not be reached a moment ago"
                                                           : "could not be reached (" + describe(cause) + ")")
                                                   + "; the call was not sent",
                cause);
    }

    private static String describe(Throwable cause) {
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** While pacing locally: asks Redis every few seconds whether it is back. */
    private void scheduleProbe() {
        try {
            limiter.timer().schedule(() -> bucket.getAvailableTokens().whenComplete((tokens, failure) -> {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    if (failure != null) {
                        scheduleProbe();
                        return;
                    }
                    inFallback = false;
                }
                LOG.info("Redis at {} answers again: {} is paced across every instance again",
                        limiter.redis().where(), account);
            }), FALLBACK_PROBE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the limiter is closing
        }
    }

    private void schedulePump(long delayNanos) {
        if (scheduled != null && !scheduled.isDone()) {
            return;
        }
        busy = true;
        try {
            scheduled = limiter.timer().schedule(() -> {
                synchronized (this) {
                    busy = false;
                    scheduled = null;
                }
                pump();
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            busy = false;
        }
    }

    private void onTimer(Runnable step) {
        try {
            limiter.timer().execute(step);
        } catch (RejectedExecutionException e) {
            // the limiter stopped: what still waits is told by close()
        }
    }

    // ---- answers -------------------------------------------------------------------------------------------

    void rateLimited(long permit, Duration retryAfter, boolean resending) {
        double current;
        PacerRegistry.Lease local;
        synchronized (this) {
            rateLimitedAnswers++;
            if (resending) {
                resends++;
            }
            mayHaveInARow = true;
            // this instance stops at once, before Redis hears of it: at hundreds a second, the round trips it takes
            // to pause every instance would otherwise be worth a run of 429s
            long pause = retryAfter == null ? 1000 : Math.min(60_000, Math.max(0, retryAfter.toMillis()));
            long until = System.nanoTime() + pause * 1_000_000;
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
            current = sharedLimit;
            local = inFallback ? fallback : null;
        }
        if (local != null) {
            local.pacer().rateLimited(permit, retryAfter, resending);
            return;
        }
        long now = System.currentTimeMillis();
        long retryAfterMillis = retryAfter == null ? -1 : Math.min(60_000, Math.max(0, retryAfter.toMillis()));
        commands.<List<Object>> eval(PacingScripts.RATE_LIMITED, ScriptOutputType.MULTI,
                new String[] { stateKey, grantsKey }, String.valueOf(now), String.valueOf(permit),
                String.valueOf(retryAfterMillis), String.valueOf(current), String.valueOf(MIN_RATE),
                String.valueOf(limiter.getMaxRateLimitedInARow()), "1000", "60000")
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        LOG.warn("Could not tell Redis of a 429 for {}: {}", account, failure.toString());
                        return;
                    }
                    onTimer(() -> slowDown(reply));
                });
    }

    /** Applies what the shared state decided about a 429: to every instance, through the bucket. */
    private void slowDown(List<Object> reply) {
        boolean slowed = ((Long) reply.get(0)) == 1;
        long inARow = (Long) reply.get(1);
        long pauseMillis = (Long) reply.get(2);
        long extendedMillis = (Long) reply.get(3);
        double rate = Double.parseDouble(String.valueOf(reply.get(4)));
        synchronized (this) {
            long until = System.nanoTime() + pauseMillis * 1_000_000;
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
            if (slowed) {
                slowdowns++;
                sharedLimit = rate;
            }
        }
        if (slowed) {
            BucketParameters slower = new BucketParameters(Math.max(MIN_RATE, rate));
            // the pause is a debt in the shared bucket: no instance gets a token before it is paid back
            long debt = (long) Math.ceil(pauseMillis / 1000.0 * slower.refillPerSecond()) + slower.capacity();
            bucket.replaceConfiguration(slower.configuration(), TokensInheritanceStrategy.AS_IS)
                    .thenCompose(v -> bucket.consumeIgnoringRateLimits(debt));
            LOG.warn("Rate limited by {}: every instance slows down to {} calls/s and pauses {} ms ({} answers 429 in a"
                     + " row across instances)", account, String.format("%.1f", rate), pauseMillis, inARow);
        } else if (extendedMillis > 0) {
            BucketParameters now = new BucketParameters(Math.max(MIN_RATE, rate));
            bucket.consumeIgnoringRateLimits((long) Math.ceil(extendedMillis / 1000.0 * now.refillPerSecond()));
            if (inARow >= limiter.getMaxRateLimitedInARow()) {
                LOG.warn("{} answers 429 in a row for {} across instances: every instance pauses {} ms", inARow,
                        account, pauseMillis);
            }
        }
    }

    void answered(long permit) {
        PacerRegistry.Lease local;
        boolean tell;
        synchronized (this) {
            local = inFallback ? fallback : null;
            tell = mayHaveInARow;
            mayHaveInARow = false;
        }
        if (local != null) {
            local.pacer().answered(permit);
        }
        if (tell) {
            commands.eval(PacingScripts.ANSWERED, ScriptOutputType.INTEGER, new String[] { stateKey },
                    String.valueOf(permit));
        }
    }

    // ---- leaving -------------------------------------------------------------------------------------------

    private void abandon(Object owner, Exception cause) {
        List<Waiter> dropped;
        synchronized (this) {
            dropped = waiting.remove(w -> w.owner == owner);
        }
        dropped.forEach(w -> w.callback.onAbandoned(cause));
    }

    private void unlease(Object owner, Exception cause) {
        List<Waiter> dropped = new ArrayList<>();
        PacerRegistry.Lease local;
        synchronized (this) {
            if (--users > 0) {
                local = null;
            } else {
                closed = true;
                dropped.addAll(waiting.takeAll());
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                local = fallback;
                fallback = null;
            }
        }
        if (local != null) {
            local.release(owner, cause);
        }
        Exception reason = cause != null ? cause
                : new RejectedExecutionException("Pacing stopped before the call's turn came; it was not sent");
        dropped.forEach(w -> w.callback.onAbandoned(reason));
        synchronized (this) {
            if (!closed) {
                return;
            }
        }
        limiter.closed(this);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    // ---- stats ---------------------------------------------------------------------------------------------

    @Override
    public String getAccount() {
        return account.toString();
    }

    @Override
    public synchronized double getConfiguredRate() {
        return ceiling;
    }

    @Override
    public synchronized double getCurrentRate() {
        return sharedLimit;
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
    public long getWritesHeldBack() {
        return 0;
    }

    /** Times Redis could not be reached for a permit. */
    public synchronized long getUnavailable() {
        return unavailable;
    }

    /** Whether this JVM paces the account on its own now, Redis being out of reach (fallbackShare). */
    public synchronized boolean isPacingLocally() {
        return inFallback;
    }

    @Override
    public String toString() {
        return "SharedAccountLimit[" + account + "]";
    }

    /** A waiting call. */
    private final class Waiter extends WaitQueue.Entry implements PacerWait {
        final Object owner;
        final PermitCallback callback;
        volatile PacerWait delegate;

        Waiter(Object owner, PermitCallback callback) {
            this.owner = owner;
            this.callback = callback;
        }

        @Override
        public void cancel() {
            synchronized (SharedAccountLimit.this) {
                waiting.giveUp(this);
            }
            PacerWait d = delegate;
            if (d != null) {
                d.cancel();
            }
        }
    }

    /** One user's hold (an endpoint's). */
    private final class Lease implements AccountRateLimit {
        private boolean released;

        @Override
        public PacerWait acquire(Object owner, PermitCallback callback) {
            return SharedAccountLimit.this.acquire(owner, callback);
        }

        /**
         * At once: the shared limit is kept on permits (with 30 ms for requests that arrive late); a cluster-wide
         * hold on writes would cost a second round trip per call.
         */
        @Override
        public PacerWait awaitWrite(Runnable go, Consumer<Exception> refused) {
            go.run();
            return PacerWait.NONE;
        }

        @Override
        public void rateLimited(long permit, Duration retryAfter, boolean resending) {
            SharedAccountLimit.this.rateLimited(permit, retryAfter, resending);
        }

        @Override
        public void answered(long permit) {
            SharedAccountLimit.this.answered(permit);
        }

        @Override
        public RateLimitStats stats() {
            return SharedAccountLimit.this;
        }

        @Override
        public void release(Object owner, Exception cause) {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            abandon(owner, cause);
            unlease(owner, cause);
        }
    }
}
