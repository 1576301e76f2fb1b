package io.github.camelzalo.component.zalo.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bucket's numbers keep every window of 1.03 s (so every second) to the limit, and lose little speed. */
class BucketParametersTest {

    @Test
    void noWindowOfOnePointZeroThreeSecondsEverHoldsMoreThanTheLimit() {
        for (int limit = 1; limit <= 20_000; limit++) {
            BucketParameters p = new BucketParameters(limit);
            assertThat(p.mostWithin(1.03)).as("limit %d", limit).isLessThanOrEqualTo(limit);
            assertThat(p.refillPerSecond()).as("limit %d", limit).isGreaterThanOrEqualTo(limit / 1.052);
        }
    }

    @Test
    void capacityAndRefillOfTheLimitsUsersSet() {
        assertThat(new BucketParameters(15).capacity()).isEqualTo(1);
        assertThat(new BucketParameters(15).refillPerSecond()).isBetween(14.56, 14.57);
        assertThat(new BucketParameters(100).capacity()).isEqualTo(2);
        assertThat(new BucketParameters(100).refillPerSecond()).isBetween(96.1, 96.11);
        assertThat(new BucketParameters(300).capacity()).isEqualTo(4);
        assertThat(new BucketParameters(5000).capacity()).isEqualTo(51);
        assertThat(new BucketParameters(5000).refillPerSecond()).isBetween(4805.0, 4806.0);
        // c = r = limit would admit twice the limit in one second; here, the limit at most
        assertThat(new BucketParameters(100).mostWithin(1.0)).isEqualTo(98);
        assertThat(new BucketParameters(100).mostWithin(1.03)).isEqualTo(100);
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
