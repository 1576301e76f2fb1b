package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One event on its way to the webhook, and what became of it: a snapshot from {@link Webhooks#deliveries()}.
 *
 * @param id          the sandbox's number for this delivery
 * @param event       the event: name, ids and the exact body
 * @param url         where it is sent
 * @param status      where it stands
 * @param duplicateOf the delivery this one repeats (a duplicate or a redelivery on request), or {@code null}
 * @param createdAt   when the event was made (wall-clock time)
 * @param attempts    every POST so far, oldest first
 */
public record WebhookDelivery(long id, WebhookEvent event, String url, Status status, Long duplicateOf,
        Instant createdAt, List<WebhookAttempt> attempts) {

    public enum Status {
        /** Held back to be delivered out of order with the rest of its batch. */
        HELD,
        /** On its way, or waiting for its next retry. */
        PENDING,
        /** Answered with HTTP 200 in time. */
        DELIVERED,
        /** Every retry failed. */
        GIVEN_UP
    }
}
