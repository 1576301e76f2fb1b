package io.github.camelzalo.component.zalo.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The pacing arithmetic on a make-believe clock: exact, and independent of how loaded the machine is. */
class PermitScheduleTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final long T0 = 123_456_789L * MS;

    @Test
    void permitsAreSpacedEvenlyNotBurstAtTheStartOfASecond() {
        PermitSchedule s = new PermitSchedule(15, T0);

        assertThat(s.earliest(T0)).isEqualTo(T0);
        s.grant(T0, false);

        long spacing = PermitSchedule.SPACING_NANOS / 15;
        assertThat(s.earliest(T0)).isEqualTo(T0 + spacing);
        assertThat(spacing).isGreaterThan(SECOND / 15);
    }

    @Test
    void aLateTimerIsCaughtUpButNoWindowEverHoldsMoreThanTheRate() {
        int rate = 300;
        PermitSchedule s = new PermitSchedule(rate, T0);
        Random random = new Random(42);
        List<Long> grants = new ArrayList<>();
        long now = T0;
        for (int i = 0; i < 3_000; i++) {
            long slot = s.earliest(now);
            // the timer fires up to 1 ms late, now and then 10 ms (a GC pause)
            now = slot + (random.nextInt(200) == 0 ? 10 * MS : random.nextInt(1_000_000));
            s.grant(now, i > 0);
            grants.add(now);
        }

        for (int i = rate; i < grants.size(); i++) {
            assertThat(grants.get(i) - grants.get(i - rate))
                    .as("%d permits within one window", rate + 1).isGreaterThanOrEqualTo(PermitSchedule.WINDOW_NANOS);
        }
        double seconds = (double) (grants.get(grants.size() - 1) - grants.get(0)) / SECOND;
        assertThat(3_000 / seconds).as("permits per second").isBetween(0.97 * rate, 1.0 * rate);
    }

    /**
     * Writes keep to the window on their own: calls whose permits were spaced but whose connections were ready at
     * the same moment are written at most {@code rate} within {@link PermitSchedule#WRITE_WINDOW_NANOS}.
     */
    @Test
    void writesThatComeTogetherAreHeldToTheWindow() {
        PermitSchedule s = new PermitSchedule(5, T0);
        long ready = T0 + 600 * MS;
        for (int i = 0; i < 5; i++) {
            assertThat(s.earliestWrite(ready)).isEqualTo(ready);
            s.wrote(ready);
        }

        assertThat(s.earliestWrite(ready)).isEqualTo(ready + PermitSchedule.WRITE_WINDOW_NANOS);
        assertThat(PermitSchedule.WRITE_WINDOW_NANOS).isGreaterThan(SECOND);
        s.wrote(ready + PermitSchedule.WRITE_WINDOW_NANOS);
        assertThat(s.earliestWrite(ready + PermitSchedule.WRITE_WINDOW_NANOS))
                .isEqualTo(ready + PermitSchedule.WRITE_WINDOW_NANOS);
    }

    @Test
    void aRateLimitAnswerDropsTo90PercentOfWhatTheProviderLetThroughAndPausesOneSecond() {
        PermitSchedule s = new PermitSchedule(100, T0);
        long now = grantAtFullPace(s, T0, 150);
        long refused = now - MS;

        assertThat(s.rateLimited(refused, now, null)).isTrue();

        assertThat(s.rate(now)).as("90% of the 100 let through in the last window").isCloseTo(90, within(1.0));
        assertThat(s.earliest(now)).isEqualTo(now + SECOND);
    }

    @Test
    void aLimitSetFarTooHighSettlesBelowTheProvidersInTwoSlowdowns() {
        PermitSchedule s = new PermitSchedule(1000, T0);
        // the provider lets 300 through per second; the 301st call of the window is refused
        long now = grantAtFullPace(s, T0, 301);
        s.rateLimited(now, now + MS, null);
        assertThat(s.rate(now + MS)).as("by half at most").isEqualTo(450);

        now = grantAtFullPace(s, s.earliest(now + MS), 301);
        s.rateLimited(now, now + MS, null);
        assertThat(s.rate(now + MS)).isCloseTo(0.9 * 300, within(3.0));
    }

    @Test
    void aRateLimitAnswerAfterSparseCallsHalvesTheRateAtMost() {
        PermitSchedule s = new PermitSchedule(15, T0);
        s.grant(T0, false);

        s.rateLimited(T0, T0 + MS, null);

        assertThat(s.rate(T0 + MS)).isEqualTo(0.9 * 7.5);
    }

    /** Grants {@code count} permits, each as early as allowed, and returns the time of the last. */
    private static long grantAtFullPace(PermitSchedule s, long from, int count) {
        long now = from;
        for (int i = 0; i < count; i++) {
            now = s.earliest(now);
            s.grant(now, i > 0);
        }
        return now;
    }

    @Test
    void answersToRequestsSentBeforeTheSlowdownDoNotSlowDownAgain() {
        PermitSchedule s = new PermitSchedule(100, T0);
        s.grant(T0, false);
        s.grant(T0 + 10 * MS, true);
        long now = T0 + 20 * MS;
        s.rateLimited(T0, now, null);
        double slowed = s.rate(now);

        assertThat(s.rateLimited(T0 + 10 * MS, now + MS, null)).as("an echo").isFalse();

        assertThat(s.rate(now + MS)).isEqualTo(slowed);
        assertThat(s.earliest(now + MS)).isEqualTo(now + SECOND);
    }

    @Test
    void retryAfterSetsThePauseAndAnEchoMayOnlyLengthenIt() {
        PermitSchedule s = new PermitSchedule(100, T0);
        s.grant(T0, false);
        s.grant(T0 + 10 * MS, true);
        long now = T0 + 20 * MS;

        s.rateLimited(T0, now, Duration.ofSeconds(3));
        assertThat(s.earliest(now)).isEqualTo(now + 3 * SECOND);

        s.rateLimited(T0 + 10 * MS, now, Duration.ofSeconds(1));
        assertThat(s.earliest(now)).as("a shorter Retry-After").isEqualTo(now + 3 * SECOND);
        s.rateLimited(T0 + 10 * MS, now, Duration.ofSeconds(5));
        assertThat(s.earliest(now)).isEqualTo(now + 5 * SECOND);

        s.rateLimited(now + 6 * SECOND, now + 7 * SECOND, Duration.ofHours(2));
        assertThat(s.earliest(now + 7 * SECOND)).as("capped")
                .isEqualTo(now + 7 * SECOND + PermitSchedule.MAX_BACKOFF_NANOS);
    }

    @Test
    void thePauseDoublesWhileRateLimitAnswersComeWithNoSuccessBetween() {
        PermitSchedule s = new PermitSchedule(100, T0);
        long now = T0;
        long[] pauses = new long[3];
        for (int i = 0; i < 3; i++) {
            now = s.earliest(now);
            s.grant(now, true);
            long permit = now;
            now += MS;
            s.rateLimited(permit, now, null);
            pauses[i] = s.earliest(now) - now;
        }
        assertThat(pauses).containsExactly(SECOND, 2 * SECOND, 4 * SECOND);

        now = s.earliest(now);
        s.grant(now, true);
        s.answered(now);
        long permit = s.earliest(now);
        s.grant(permit, true);
        s.rateLimited(permit, permit + MS, null);
        assertThat(s.earliest(permit + MS) - (permit + MS)).as("after a success").isEqualTo(SECOND);
    }

    @Test
    void theRateRecoversSlowlyUpToTheConfiguredRateAndNeverBelowTheFloor() {
        PermitSchedule s = new PermitSchedule(100, T0);
        long now = grantAtFullPace(s, T0, 150);
        s.rateLimited(now, now, null);
        long resumed = now + SECOND;
        double slowed = s.rate(resumed);

        assertThat(slowed).isCloseTo(90, within(1.0));
        assertThat(s.rate(resumed + PermitSchedule.RECOVERY_DOUBLING_NANOS / 10))
                .isCloseTo(slowed * Math.pow(2, 0.1), within(0.01));
        assertThat(s.rate(resumed + PermitSchedule.RECOVERY_DOUBLING_NANOS)).isEqualTo(100);

        PermitSchedule slow = new PermitSchedule(1, T0);
        now = T0;
        for (int i = 0; i < 10; i++) {
            now = slow.earliest(now);
            slow.grant(now, true);
            slow.rateLimited(now, now, Duration.ZERO);
        }
        assertThat(slow.rate(now)).isEqualTo(PermitSchedule.MIN_RATE);
    }

    @Test
    void aSecondUserAskingForLessLowersTheRateButNeverRaisesIt() {
        PermitSchedule s = new PermitSchedule(15, T0);
        s.limitTo(10);
        s.limitTo(20);
        assertThat(s.ceiling()).isEqualTo(10);
        assertThat(s.rate(T0)).isEqualTo(10);
    }

    @Test
    void theAccountKeyShowsNoKey() {
        AccountKey key = AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "very-secret-token");

        assertThat(key.toString()).doesNotContain("very-secret-token").startsWith("caresoft https://api.caresoft.vn/acme key#");
        assertThat(key).isEqualTo(AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "very-secret-token"))
                .isNotEqualTo(AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "another-token"))
                .isNotEqualTo(AccountKey.of("caresoft", "https://api.caresoft.vn/beta", "very-secret-token"));
    }
}
