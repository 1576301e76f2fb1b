package io.github.camelzalo.component.zalo.events;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of an event's body needed before anything else: to check its signature ({@code app_id},
 * {@code timestamp} as written), to choose the OA's secret key and the consumer, and its de-duplication key. Read
 * from the raw bytes, which stay as they are: the signature is checked over them, not over this tree.
 *
 * @param tree      the parsed body
 * @param appId     {@code app_id}
 * @param eventName {@code event_name}
 * @param timestamp {@code timestamp} exactly as the body writes it (the signature covers this text)
 * @param millis    the timestamp, epoch milliseconds
 * @param oaId      the OA the event is about
 * @param userId    the user the event is about, or {@code null}
 * @param messageId {@code message.msg_id}, or {@code null}
 */
record EventEnvelope(JsonNode tree, String appId, String eventName, String timestamp, long millis, String oaId,
        String userId, String messageId) {

    /** Events the OA sends, or whose sender is the OA: the user is their recipient. */
    private static final Set<String> FROM_OA = Set.of("user_received_message", "user_seen_message");

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @return the envelope, or {@code null} when the body is not a JSON object with a textual {@code app_id} and
     *         {@code event_name} and a numeric {@code timestamp}
     */
    static EventEnvelope read(byte[] body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        String appId = scalar(tree.get("app_id"));
        String eventName = scalar(tree.get("event_name"));
        String timestamp = scalar(tree.get("timestamp"));
        if (appId == null || eventName == null || timestamp == null || !timestamp.matches("\\d{1,19}")) {
            return null;
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return null;
        }
        String sender = scalar(tree.path("sender").get("id"));
        String recipient = scalar(tree.path("recipient").get("id"));
        String oaId = scalar(tree.get("oa_id"));
        String userId;
        if (tree.has("follower")) {
            userId = scalar(tree.path("follower").get("id"));
        } else if (eventName.startsWith("oa_") || FROM_OA.contains(eventName)) {
            oaId = oaId != null ? oaId : sender;
            userId = recipient;
        } else {
            oaId = oaId != null ? oaId : recipient;
            userId = sender;
        }
        String messageId = scalar(tree.path("message").get("msg_id"));
        return new EventEnvelope(tree, appId, eventName, timestamp, millis, oaId, userId, messageId);
    }

    /**
     * The de-duplication key: the event's name and {@code message.msg_id}; for an event without one (follow,
     * unfollow, seen, user info …) the name, OA, user and timestamp, which Zalo keeps across its retries.
     */
    String key() {
        return messageId != null ? eventName + ":" + messageId
                : eventName + ":" + oaId + ":" + userId + ":" + timestamp;
    }

    /** A number or text as text; {@code null} for anything else, or blank text. */
    static String scalar(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
