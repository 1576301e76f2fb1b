package io.github.camelzalo.component.zalo.redis;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * The token bucket that keeps an account to its limit across JVMs. A bucket of capacity {@code c} refilled at
 * {@code r} per second lets {@code c + r·t} through in any {@code t} seconds, so {@code c = r = limit} would let
 * twice the limit through in one second. Here:
 * <ul>
 * <li>{@code r = limit / 1.025}: 2.5% below the limit, one token every {@code 1.025 / limit} s;</li>
 * <li>{@code c = max(1, floor(limit - 1.015·r))}: the burst that still keeps any window of 1.015 s to the limit.</li>
 * </ul>
 * So no window of 1.015 s, hence no second, ever holds more than {@code limit} permits; the 15 ms are for a request
 * that reaches the provider later after its permit than the one before it did. At 15/s that is a capacity of 1 (calls
 * evenly spaced, as the local pacer does); at 100/s, 1; at 5,000/s, 48, which lets a busy JVM take several permits in
 * one round trip.
 */
final class BucketParameters {

    static final double SPACING = 1.025;
    static final double WINDOW_SECONDS = 1.015;

    private final double limit;
    private final long capacity;
    private final long spacingNanos;

    BucketParameters(double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("A rate limit must be positive, but was " + limit);
        }
        this.limit = limit;
        double refill = limit / SPACING;
        this.capacity = Math.max(1, (long) Math.floor(limit - WINDOW_SECONDS * refill));
        this.spacingNanos = Math.max(1, Math.round(1e9 / refill));
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
        return (long) Math.floor(capacity + refillPerSecond() * seconds + 1e-9);
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, Duration.ofNanos(spacingNanos))
                        .build())
                .build();
    }

    /** The limit a bucket's configuration was made for (what {@link #configuration()} was built from), roughly. */
    static double limitOf(BucketConfiguration configuration) {
        Bandwidth b = configuration.getBandwidths()[0];
        return 1e9 * b.getRefillTokens() / b.getRefillPeriodNanos() * SPACING;
    }
}
