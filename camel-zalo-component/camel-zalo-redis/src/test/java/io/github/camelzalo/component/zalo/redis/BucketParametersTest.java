package io.github.camelzalo.component.zalo.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bucket's numbers keep every window of 1.02 s (so every second) to the limit, and lose little speed. */
class BucketParametersTest {

    @Test
    void noWindowOfOnePointZeroTwoSecondsEverHoldsMoreThanTheLimit() {
        for (int limit = 1; limit <= 20_000; limit++) {
            BucketParameters p = new BucketParameters(limit);
            assertThat(p.mostWithin(1.02)).as("limit %d", limit).isLessThanOrEqualTo(limit);
            assertThat(p.refillPerSecond()).as("limit %d", limit).isGreaterThanOrEqualTo(limit / 1.045);
        }
    }

    @Test
    void capacityAndRefillOfTheLimitsUsersSet() {
        assertThat(new BucketParameters(15).capacity()).isEqualTo(1);
        assertThat(new BucketParameters(15).refillPerSecond()).isBetween(14.7, 14.71);
        assertThat(new BucketParameters(100).capacity()).isEqualTo(2);
        assertThat(new BucketParameters(100).refillPerSecond()).isBetween(97.0, 97.1);
        assertThat(new BucketParameters(300).capacity()).isEqualTo(4);
        assertThat(new BucketParameters(5000).capacity()).isEqualTo(51);
        assertThat(new BucketParameters(5000).refillPerSecond()).isBetween(4852.0, 4853.0);
        // c = r = limit would admit twice the limit in one second; here, the limit at most
        assertThat(new BucketParameters(100).mostWithin(1.0)).isEqualTo(99);
        assertThat(new BucketParameters(100).mostWithin(1.02)).isEqualTo(100);
    }

    @Test
    void theLimitIsReadBackFromTheConfiguration() {
        assertThat(BucketParameters.limitOf(new BucketParameters(100).configuration())).isCloseTo(100.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(BucketParameters.limitOf(new BucketParameters(15).configuration())).isCloseTo(15.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(BucketParameters.limitOf(new BucketParameters(5000).configuration())).isCloseTo(5000.0,
                org.assertj.core.data.Offset.offset(0.1));
    }
}
