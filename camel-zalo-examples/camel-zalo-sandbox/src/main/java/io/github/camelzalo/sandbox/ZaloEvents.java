package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the webhook events in Zalo's shapes, ids and the timestamp as strings, signed with the OA's secret key:
 * <ul>
 * <li>{@code user_send_text}: {@code {app_id, sender {id: user}, recipient {id: oa}, user_id_by_app, event_name,
 * message {msg_id, text}, timestamp}}; media ({@code user_send_image|gif|sticker|file|audio|video|link|location})
 * with {@code message.attachments[] {type, payload {url, thumbnail, name, size, coordinates}}};</li>
 * <li>{@code follow} / {@code unfollow}: {@code {oa_id, follower {id}, user_id_by_app, event_name, source, app_id,
 * timestamp}};</li>
 * <li>{@code user_received_message}: {@code sender {id: oa}, recipient {id: user}, message {msg_id, tracking_id}};
 * {@code user_seen_message}: the same with {@code message {msg_ids []}}.</li>
 * </ul>
 */
final class ZaloEvents {

    private final String appId;
    private final Map<String, OfficialAccount> oas;

    ZaloEvents(String appId, Map<String, OfficialAccount> oas) {
        this.appId = appId;
        this.oas = oas;
    }

    WebhookEvent userSendText(String oaId, String userId, String msgId, String text, Instant at) {
        ObjectNode o = fromUser("user_send_text", oaId, userId);
        ObjectNode message = o.putObject("message");
        message.put("msg_id", msgId);
        message.put("text", text);
        return sign(o, "user_send_text", oaId, userId, msgId, null, at);
    }

    /**
     * A media message of the customer.
     *
     * @param kind    image, gif, sticker, file, audio, video, link or location
     * @param payload the attachment's payload fields ({@code url}, {@code thumbnail}, {@code name}, {@code size},
     *                or {@code coordinates {latitude, longitude}})
     */
    WebhookEvent userSendMedia(String oaId, String userId, String msgId, String kind, String caption,
                               Map<String, Object> payload, Instant at) {
        String event = "user_send_" + kind;
        ObjectNode o = fromUser(event, oaId, userId);
        ObjectNode message = o.putObject("message");
        message.put("msg_id", msgId);
        if (caption != null) {
            message.put("text", caption);
        }
        ArrayNode attachments = message.putArray("attachments");
        ObjectNode a = attachments.addObject();
        a.put("type", kind);
        a.set("payload", SandboxJson.MAPPER.valueToTree(payload));
        return sign(o, event, oaId, userId, msgId, null, at);
    }

    WebhookEvent follow(String oaId, String userId, boolean follow, String source, Instant at) {
        String event = follow ? "follow" : "unfollow";
        ObjectNode o = SandboxJson.object();
        o.put("oa_id", oaId);
        o.putObject("follower").put("id", userId);
        o.put("user_id_by_app", UserIds.byApp(appId, userId));
        o.put("event_name", event);
        o.put("source", source);
        o.put("app_id", appId);
        return sign(o, event, oaId, userId, null, null, at);
    }

    WebhookEvent received(OutboxMessage m, Instant at) {
        String userId = m.zaloId();
        ObjectNode o = fromOa("user_received_message", m.oaId(), userId);
        ObjectNode message = o.putObject("message");
        message.put("msg_id", m.msgId());
        if (m.trackingId() != null) {
            message.put("tracking_id", m.trackingId());
        }
        return sign(o, "user_received_message", m.oaId(), userId, m.msgId(), m.trackingId(), at);
    }

    WebhookEvent seen(String oaId, String userId, List<String> msgIds, Instant at) {
        ObjectNode o = fromOa("user_seen_message", oaId, userId);
        ArrayNode ids = o.putObject("message").putArray("msg_ids");
        msgIds.forEach(ids::add);
        return sign(o, "user_seen_message", oaId, userId, null, null, at);
    }

    private ObjectNode fromUser(String event, String oaId, String userId) {
        ObjectNode o = SandboxJson.object();
        o.put("app_id", appId);
        o.putObject("sender").put("id", userId);
        o.putObject("recipient").put("id", oaId);
        o.put("user_id_by_app", UserIds.byApp(appId, userId));
        o.put("event_name", event);
        return o;
    }

    private ObjectNode fromOa(String event, String oaId, String userId) {
        ObjectNode o = SandboxJson.object();
        o.put("app_id", appId);
        o.putObject("sender").put("id", oaId);
        o.putObject("recipient").put("id", userId);
        o.put("user_id_by_app", UserIds.byApp(appId, userId));
        o.put("event_name", event);
        return o;
    }

    private WebhookEvent sign(ObjectNode o, String event, String oaId, String userId, String msgId, String trackingId,
                              Instant at) {
        String timestamp = Long.toString(at.toEpochMilli());
        o.put("timestamp", timestamp);
        byte[] body;
        try {
            body = SandboxJson.MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook event", e);
        }
        String signature = WebhookSignature.sign(appId, body, timestamp, oas.get(oaId).secretKey());
        return new WebhookEvent(event, oaId, userId, msgId, trackingId, timestamp, body, signature);
    }
}
