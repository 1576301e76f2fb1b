package io.github.camelzalo.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * One event as the sandbox sends it to the webhook: the exact bytes Zalo would POST, and what they are about.
 *
 * @param eventName  {@code user_send_text}, {@code follow}, {@code user_received_message} …
 * @param oaId       the OA whose secret key signs it
 * @param userId     the user the event is about (sender, follower or recipient)
 * @param msgId      {@code message.msg_id}, or {@code null} (follow, unfollow, seen)
 * @param trackingId {@code message.tracking_id} of a ZNS receipt, or {@code null}
 * @param timestamp  {@code timestamp} of the body: epoch milliseconds on the sandbox clock, as a string
 * @param body       the JSON body, UTF-8
 * @param signature  the {@code X-ZEvent-Signature} value
 */
public record WebhookEvent(String eventName, String oaId, String userId, String msgId, String trackingId,
        String timestamp, byte[] body, String signature) {

    /** The body as text. */
    public String json() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookEvent[" + eventName + ", oa " + oaId + ", user " + userId + ", msg " + msgId + "]";
    }
}
