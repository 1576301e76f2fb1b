package io.github.camelzalo.component.zalo.management;

import io.github.camelzalo.component.zalo.ZaloErrorKind;

/**
 * One exchange that reached a {@code zalo:} producer and finished, as monitoring sees it. Carries no secret, no phone
 * number and no message text.
 *
 * @param provider        {@code caresoft}, {@code etelecom} or {@code zalo}
 * @param operation       the operation, e.g. {@code send}
 * @param account         the account's short name, its base URL's host and its key's digest (never the key):
 *                        {@code api.caresoft.vn-1a2b3c4d}, see {@link MonitoredAccount#getId()}
 * @param outcome         {@link #OK}, {@link #INVALID_INPUT}, the name of the {@link ZaloErrorKind}, or
 *                        {@link #ERROR} for any other failure
 * @param kind            the kind of a {@code ZaloApiException}, else {@code null}
 * @param durationNanos   from the moment the exchange reached the producer until it finished
 * @param permitWaitNanos how long the call waited for its turn under the account's rate limit, or {@code -1} when the
 *                        account is not paced
 * @param rateLimitResends how many times a rate-limit answer made the call go again
 */
public record ZaloCallEvent(String provider, String operation, String account, String outcome, ZaloErrorKind kind,
        long durationNanos, long permitWaitNanos, int rateLimitResends) {

    /** The call succeeded. */
    public static final String OK = "OK";
    /** The exchange was refused before anything was sent ({@code ZaloValidationException}). */
    public static final String INVALID_INPUT = "INVALID_INPUT";
    /** Any other failure, e.g. the component was not started. */
    public static final String ERROR = "ERROR";

    public boolean isSuccess() {
        return OK.equals(outcome);
    }
}
