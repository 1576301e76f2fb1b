package io.github.camelzalo.component.zalo.events;

import java.time.Instant;
import java.util.Map;

/**
 * What a {@code zalo:events} consumer has done since it started, read-only, for health checks, consoles and metrics.
 * The requests refused before an event's OA is known ({@link #getReceived()}, {@link #getRejected()}) are those of the
 * consumer's webhook path, shared by every consumer on that path; the rest are the consumer's own.
 */
public interface ZaloEventsStats {

    /** The webhook path, e.g. {@code /zalo/events}. */
    String getWebhookPath();

    /** Whether the consumer runs and the runtime's HTTP server serves its path (its platform-http consumer started). */
    boolean isWebhookServed();

    /** Where platform-http serves the path, e.g. {@code http://0.0.0.0:8080/zalo/events}; {@code null} when stopped. */
    String getWebhookUrl();

    /** When a request of the path last passed the signature check (path-wide); {@code null} when none did. */
    Instant getLastVerifiedAt();

    /**
     * When a request of the path was last refused as not verifiably Zalo's ({@link EventRejection#failsVerification()}:
     * no or a wrong signature, an OA without a key, another app), path-wide; {@code null} when none was.
     */
    Instant getLastVerificationFailureAt();

    /** Why that request was refused, or {@code null}. */
    EventRejection getLastVerificationFailure();

    /** Requests of the path refused as not verifiably Zalo's since the last one that passed the signature check. */
    long getVerificationFailuresSinceVerified();

    /** Requests that reached the webhook path. */
    long getReceived();

    /** Requests refused before any route, by reason. Every reason is present, most with 0. */
    Map<EventRejection, Long> getRejected();

    /** Verified events of an OA that no consumer on the path takes: answered 200 and dropped (path-wide). */
    long getUnclaimed();

    /** Events accepted and given to this consumer's route. */
    long getAccepted();

    /**
     * Events answered 200 and dropped as duplicates of one already accepted (with a
     * {@link LeasedIdempotentRepository}: of one whose route succeeded).
     */
    long getDuplicates();

    /** Events answered 200 and dropped because the consumer does not take their name ({@code events}). */
    long getFiltered();

    /** Events whose route succeeded. */
    long getCompleted();

    /** Events whose route failed before they were answered: answered 500, so that Zalo sends them again. */
    long getFailed();

    /** Events answered 200 at {@code ackTimeout} while their route was still running. */
    long getAckedLate();

    /**
     * Events whose route failed after they had been answered 200 ({@code immediate}, or late): Zalo will not send
     * them again; the route's error handler had them, and a WARN line names each.
     */
    long getFailedAfterAck();

    /** Events refused with 503 because the consumer's queue was full (or it was stopping); Zalo sends them again. */
    long getRefusedWhenFull();

    /**
     * Deliveries refused with 503 because the same event was in flight, its route not yet ended, here or on another
     * replica (only with a {@link LeasedIdempotentRepository}): Zalo sends them again, and a later delivery is
     * processed if that route failed or its instance died, or answered as a duplicate if it succeeded.
     */
    long getRefusedInFlight();

    /** Events whose route is running or queued now. */
    int getInFlight();
}
