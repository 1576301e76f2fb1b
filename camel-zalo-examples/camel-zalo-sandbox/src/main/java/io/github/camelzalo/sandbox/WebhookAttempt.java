package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * One POST of an event to the webhook.
 *
 * @param number     1 for the first try, 2 for the first retry …
 * @param numRetry   the {@code num_retry} header sent, {@code null} on the first try
 * @param startedAt  when it was sent (wall-clock time: deliveries happen in real time)
 * @param millis     how long the answer took, or until the attempt failed
 * @param httpStatus the answer's status, 0 when there was none (refused, timed out)
 * @param error      why there was no answer, or {@code null}
 */
public record WebhookAttempt(int number, Integer numRetry, Instant startedAt, long millis, int httpStatus,
        String error) {

    /** Zalo's notion of success: HTTP 200 within the time limit. */
    public boolean succeeded() {
        return httpStatus == 200 && error == null;
    }
}
