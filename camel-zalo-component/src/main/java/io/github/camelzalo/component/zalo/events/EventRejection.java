package io.github.camelzalo.component.zalo.events;

/**
 * Why {@code zalo:events} refused a request before it reached a route, with the HTTP status it answered. None of these
 * reaches the route; each is counted ({@link ZaloEventsStats#getRejected()}) and logged at DEBUG without the body.
 */
public enum EventRejection {

    /** Not a POST. */
    METHOD_NOT_ALLOWED(405, "only POST is accepted"),
    /** Not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "only application/json is accepted"),
    /** Longer than {@code maxBodySize}: refused on its Content-Length, or as soon as more bytes arrived. */
    TOO_LARGE(413, "the body is larger than the webhook accepts"),
    /** Not a JSON object with {@code app_id}, {@code event_name} and a numeric {@code timestamp}. */
    MALFORMED(400, "the body is not a Zalo event"),
    /** No {@code X-ZEvent-Signature} header. */
    MISSING_SIGNATURE(401, "the signature is missing"),
    /** The signature is not the one the OA's secret key gives for this body. */
    BAD_SIGNATURE(401, "the signature is wrong"),
    /** No secret key is configured for the event's OA. */
    UNKNOWN_OA(401, "the event's OA is not known here"),
    /** The event is for another Zalo app than {@code zalo.appId}. */
    OTHER_APP(401, "the event is for another app"),
    /** The event's {@code timestamp} is further from now than {@code replayWindow}. */
    STALE(401, "the event is too old");

    private final int status;
    private final String answer;

    EventRejection(int status, String answer) {
        this.status = status;
        this.answer = answer;
    }

    /**
     * Whether the request was refused because it could not be verified as Zalo's: no signature, a wrong one, an OA
     * without a configured key, or another app's event. What a wrong {@code zalo.oaSecretKey} or {@code zalo.appId}
     * makes of every genuine event; the health check of {@code zalo:events} watches these.
     */
    public boolean failsVerification() {
        return this == MISSING_SIGNATURE || this == BAD_SIGNATURE || this == UNKNOWN_OA || this == OTHER_APP;
    }

    /** The HTTP status answered. */
    public int status() {
        return status;
    }

    /** The text of the answer: what was wrong, without anything of the request. */
    public String answer() {
        return answer;
    }
}
