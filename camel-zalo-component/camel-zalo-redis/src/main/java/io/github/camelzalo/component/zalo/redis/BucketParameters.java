package io.github.camelzalo.component.zalo.redis;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * The token bucket that keeps an account to its limit across JVMs. A bucket of capacity {@code c} refilled at
 * {@code r} per second lets {@code c + r·t} through in any {@code t} seconds, so {@code c = r = limit} would let
 * twice the limit through in one second. Here, for a limit of {@code L} calls per second:
 * <ul>
 * <li>{@code r < (L + 1 - c) / 1.03}, so that {@code c + 1.03·r < L + 1}: no window of 1.03 s, hence no second,
 * ever holds more than {@code L} permits (they are whole). The 30 ms are for a request that reaches the provider
 * later after its permit than the one before it did (a busy JVM, a slow round trip to Redis, a new connection).</li>
 * <li>{@code c = 1} below 50/s: calls evenly spaced, as the local pacer spaces them. From 50/s,
 * {@code c = 1 + ceil(L / 100)}: the tokens beyond the first let an instance that asks a little late (a timer, a
 * round trip to Redis, another instance that asked first) catch up with up to 10 ms of lateness, instead of losing
 * that time for good, at a cost of about 1% of the rate.</li>
 * </ul>
 * So 15/s is a capacity of 1 and 14.56 tokens a second; 100/s, 2 and 96.1; 5,000/s, 51 and 4,805, which also lets a
 * busy JVM take several permits in one round trip.
 */
final class BucketParameters {

    // 20 ms let a 429 through at 100/s when three JVMs started at once on a 2-core machine (new connections, cold code)
    static final double WINDOW_SECONDS = 1.03;
    /** Strictly below the bound, whatever the rounding of nanoseconds. */
    private static final double BELOW = 0.9999;

    private final double limit;
    private final long capacity;
    private final long spacingNanos;

    BucketParameters(double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("A rate limit must be positive, but was " + limit);
        }
        this.limit = limit;
        this.capacity = limit < 50 ? 1 : 1 + (long) Math.ceil(limit / 100);
        double refill = Math.max(limit / 100, (Math.floor(limit) + 1 - capacity) / WINDOW_SECONDS * BELOW);
        this.spacingNanos = (long) Math.ceil(1e9 / refill);
    }

    double limit() {
        return limit;
    }

    long capacity() {
        return capacity;
    }

    /** One token every this many nanoseconds. */
    long spacingNanos() {
        return spacingNanos;
    }

    /** The refill rate, tokens per second. */
    double refillPerSecond() {
        return 1e9 / spacingNanos;
    }

    /** The most permits any window of {@code seconds} can hold: {@code capacity + refill·seconds}, whole permits. */
    long mostWithin(double seconds) {
        return (long) Math.floor(capacity + refillPerSecond() * seconds);
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, Duration.ofNanos(spacingNanos))
                        .build())
                .build();
    }

    /** The limit a bucket's configuration was made for by {@link #configuration()}, to a tenth or so. */
    static double limitOf(BucketConfiguration configuration) {
        Bandwidth b = configuration.getBandwidths()[0];
        double refill = 1e9 * b.getRefillTokens() / b.getRefillPeriodNanos();
        return refill * WINDOW_SECONDS / BELOW + b.getCapacity() - 1;
    }
}
