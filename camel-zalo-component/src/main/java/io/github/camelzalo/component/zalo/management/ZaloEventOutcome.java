package io.github.camelzalo.component.zalo.management;

/**
 * One step of a webhook request's way through {@code zalo:events}, as monitoring sees it: how it was answered, or how
 * an accepted event's route ended. Carries no secret, no signature and nothing of the body but the event's name and
 * OA, and those only once the event is verified.
 *
 * @param path      the webhook path, e.g. {@code /zalo/events}
 * @param outcome   one of the constants of this record, e.g. {@link #ACCEPTED}
 * @param reason    for {@link #REJECTED}, the {@code EventRejection}'s name (e.g. {@code BAD_SIGNATURE}); else
 *                  {@code null}
 * @param eventName the event's name (e.g. {@code user_send_text}) once it is verified, else {@code null}
 * @param oaId      the event's OA once it is verified, else {@code null}
 */
public record ZaloEventOutcome(String path, String outcome, String reason, String eventName, String oaId) {

    /** Refused before any route (405, 415, 413, 400 or 401), see {@code reason}. */
    public static final String REJECTED = "REJECTED";
    /** Given to a route. */
    public static final String ACCEPTED = "ACCEPTED";
    /** Answered 200 and dropped: the same event was accepted before. */
    public static final String DUPLICATE = "DUPLICATE";
    /** Answered 200 and dropped: the consumer does not take the event's name ({@code events}). */
    public static final String FILTERED = "FILTERED";
    /** Answered 200 and dropped: no consumer of the path takes the event's OA. */
    public static final String UNCLAIMED = "UNCLAIMED";
    /** Refused with 503: the consumer's queue was full, or it was stopping. Zalo sends it again. */
    public static final String REFUSED_FULL = "REFUSED_FULL";
    /**
     * Refused with 503: the same event is in flight (its route has not ended, on this or another replica) in a shared
     * {@code LeasedIdempotentRepository}. Zalo sends it again.
     */
    public static final String REFUSED_IN_FLIGHT = "REFUSED_IN_FLIGHT";
    /** Answered 500: the request could not be read. Zalo sends it again. */
    public static final String ERROR = "ERROR";
    /** An accepted event's route succeeded. */
    public static final String COMPLETED = "COMPLETED";
    /** An accepted event's route failed before the answer: answered 500, Zalo sends it again. */
    public static final String FAILED = "FAILED";
    /** An accepted event was answered 200 at {@code ackTimeout} while its route went on. */
    public static final String ACKED_LATE = "ACKED_LATE";
    /** An accepted event's route failed after the 200 answer: Zalo does not send it again. */
    public static final String FAILED_AFTER_ACK = "FAILED_AFTER_ACK";
}
