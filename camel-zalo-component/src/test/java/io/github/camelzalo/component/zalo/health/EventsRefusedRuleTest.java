package io.github.camelzalo.component.zalo.health;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of the {@code zalo:events} check's {@code signaturesFailing}, as the docs state it: true while a request
 * failed verification in the last 10 minutes and none passed since; false once one passes, or 10 minutes after the
 * last refusal.
 */
class EventsRefusedRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aRefusalWithinTenMinutesAndNoneVerifiedSinceIsFailing() {
        assertThat(ZaloEventsHealthCheck.eventsRefused(NOW.minusSeconds(1), 1, NOW)).isTrue();
        assertThat(ZaloEventsHealthCheck.eventsRefused(NOW.minus(Duration.ofMinutes(9).plusSeconds(59)), 4, NOW))
                .isTrue();
    }

    @Test
    void tenMinutesAfterTheLastRefusalItIsNoLongerFailing() {
        assertThat(ZaloEventsHealthCheck.eventsRefused(NOW.minus(Duration.ofMinutes(10)), 4, NOW)).isFalse();
        assertThat(ZaloEventsHealthCheck.eventsRefused(NOW.minus(Duration.ofHours(2)), 40, NOW)).isFalse();
    }

    @Test
    void aVerifiedEventSinceTheRefusalOrNoRefusalAtAllIsNotFailing() {
        assertThat(ZaloEventsHealthCheck.eventsRefused(NOW.minusSeconds(1), 0, NOW)).isFalse();
        assertThat(ZaloEventsHealthCheck.eventsRefused(null, 0, NOW)).isFalse();
    }
}
