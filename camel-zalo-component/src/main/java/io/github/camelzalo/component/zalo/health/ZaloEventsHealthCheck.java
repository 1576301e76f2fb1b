package io.github.camelzalo.component.zalo.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelzalo.component.zalo.events.EventRejection;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of one {@code zalo:events} consumer, as Camel's {@code consumer:<routeId>} check shows it (the route's
 * own check runs it while the route is started). DOWN when the runtime's HTTP server does not serve the webhook path
 * (its platform-http consumer is not started): Zalo's deliveries cannot reach the route.
 * <p>
 * Whether Zalo's events are being refused is reported, not made DOWN: {@code signaturesFailing} is true and the
 * message says what to check when, in the last {@value #WINDOW_MINUTES} minutes, a request to the path was refused as
 * not verifiably Zalo's (no signature, a wrong one, an OA without a key, another app's event) and no request has
 * passed the signature check since, which is what a wrong or rotated OA secret key, or a wrong app id, makes of every
 * genuine event. Anyone who reaches the webhook can send such a request: were it DOWN, one forged request every few
 * minutes would take a quiet instance out of its load balancer and keep Zalo's genuine deliveries from it.
 * <p>
 * Its details say what the path received, what was refused by reason, the duplicates, the answers at
 * {@code ackTimeout}, the refusals when full; never a key, a signature or a body.
 */
final class ZaloEventsHealthCheck extends ZaloReadinessCheck {

    static final int WINDOW_MINUTES = 10;
    static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);

    private final ZaloEventsStats stats;
    private final String ackMode;
    private final Clock clock;

    ZaloEventsHealthCheck(String id, ZaloEventsStats stats, String ackMode, Clock clock) {
        super(id);
        this.stats = stats;
        this.ackMode = ackMode;
        this.clock = clock;
    }

    @Override
    Result check(HealthCheckResultBuilder result) {
        String path = stats.getWebhookPath();
        result.detail("webhookPath", path);
        if (stats.getWebhookUrl() != null) {
            result.detail("webhookUrl", stats.getWebhookUrl());
        }
        result.detail("ackMode", ackMode);
        result.detail("received", stats.getReceived());
        result.detail("accepted", stats.getAccepted());
        result.detail("completed", stats.getCompleted());
        result.detail("duplicates", stats.getDuplicates());
        result.detail("filtered", stats.getFiltered());
        result.detail("unclaimed", stats.getUnclaimed());
        result.detail("failed", stats.getFailed());
        result.detail("ackedLate", stats.getAckedLate());
        result.detail("failedAfterAck", stats.getFailedAfterAck());
        result.detail("refusedWhenFull", stats.getRefusedWhenFull());
        result.detail("refusedInFlight", stats.getRefusedInFlight());
        result.detail("inFlight", stats.getInFlight());
        long rejected = 0;
        for (Map.Entry<EventRejection, Long> r : stats.getRejected().entrySet()) {
            rejected += r.getValue();
            if (r.getValue() > 0) {
                result.detail("rejected." + r.getKey().name(), r.getValue());
            }
        }
        result.detail("rejected", rejected);
        Instant verifiedAt = stats.getLastVerifiedAt();
        if (verifiedAt != null) {
            result.detail("lastVerifiedAt", verifiedAt.toString());
        }
        Instant failureAt = stats.getLastVerificationFailureAt();
        long failuresSince = stats.getVerificationFailuresSinceVerified();
        if (failureAt != null) {
            result.detail("lastVerificationFailureAt", failureAt.toString());
            result.detail("lastVerificationFailure", String.valueOf(stats.getLastVerificationFailure()));
        }
        result.detail("verificationFailuresSinceVerified", failuresSince);

        if (!stats.isWebhookServed()) {
            return result.down().message("zalo:events does not serve " + path + ": the runtime's HTTP server"
                                         + " (platform-http) has no consumer started for it").build();
        }
        boolean signaturesFailing = eventsRefused(failureAt, failuresSince, clock.instant());
        result.detail("signaturesFailing", signaturesFailing);
        if (signaturesFailing) {
            return result.up().message(failuresSince + " requests to " + path + " refused as not verifiably Zalo's"
                                       + " since the last verified event (the last at " + failureAt + ": "
                                       + stats.getLastVerificationFailure() + "): if Zalo's own events are among"
                                       + " them, check zalo.oaSecretKey, zalo.oaSecretKeys and zalo.appId against"
                                       + " Zalo's developer console")
                    .build();
        }
        return result.up().message(path + ": " + stats.getReceived() + " requests, " + stats.getAccepted()
                                   + " events accepted, " + rejected + " refused").build();
    }

    /** A request failed verification within the window, and none passed since. */
    static boolean eventsRefused(Instant lastFailureAt, long failuresSinceVerified, Instant now) {
        return lastFailureAt != null && failuresSinceVerified > 0 && lastFailureAt.isAfter(now.minus(WINDOW));
    }
}
