package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * One message between an OA and a customer, in either direction: what an OA sent through any provider, or what
 * the customer wrote (the sandbox's simulated customer, see {@link CustomerActions}).
 *
 * @param time        when it was sent, by the sandbox clock
 * @param direction   who wrote it
 * @param msgId       its message id: the {@code message_id} of a send, the {@code msg_id} of the customer's event
 * @param oaId        the OA of the conversation
 * @param provider    {@code caresoft}, {@code etelecom}, {@code zalo}, or {@code customer} for the customer's own
 * @param format      {@code text}, {@code image}, {@code file} … (see {@link OutboxMessage#format()}); for the
 *                    customer's messages the kind of its event: {@code text}, {@code image}, {@code sticker},
 *                    {@code gif}, {@code file}, {@code audio}, {@code video}, {@code link}, {@code location}
 * @param text        what the reader sees as text, or {@code null}
 * @param detail      the message as JSON text (the OA API's {@code message}, the customer's event {@code message}),
 *                    or {@code null}
 * @param quotaType   which quota paid for an OA message, {@code null} for the customer's
 * @param deliveredAt when an OA message reached the customer ({@code user_received_message}), or {@code null}
 * @param seenAt      when the customer saw it ({@code user_seen_message}), or {@code null}
 */
public record ConversationEntry(Instant time, Direction direction, String msgId, String oaId, String provider,
        String format, String text, String detail, String quotaType, Instant deliveredAt, Instant seenAt) {

    public static final String PROVIDER_CUSTOMER = "customer";

    public enum Direction {
        /** The OA wrote to the customer. */
        FROM_OA,
        /** The customer wrote to the OA. */
        FROM_CUSTOMER
    }

    ConversationEntry withReceipts(Instant delivered, Instant seen) {
        return new ConversationEntry(time, direction, msgId, oaId, provider, format, text, detail, quotaType,
                delivered, seen);
    }

    static ConversationEntry of(OutboxMessage m) {
        return new ConversationEntry(m.time(), Direction.FROM_OA, m.msgId(), m.oaId(), m.provider(), m.format(),
                m.text(), m.detail(), m.quotaType(), null, null);
    }
}
