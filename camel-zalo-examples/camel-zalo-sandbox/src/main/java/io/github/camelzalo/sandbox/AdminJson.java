package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of the sandbox's newer admin endpoints: webhook deliveries and conversations. */
final class AdminJson {

    private AdminJson() {
    }

    static ObjectNode webhooks(Webhooks w) {
        ObjectNode o = SandboxJson.object();
        o.put("url", w.url());
        o.put("timeout_ms", w.timeout().toMillis());
        o.put("retry_scale", w.retryScale());
        o.put("concurrency", w.concurrency());
        o.put("pending", w.pending());
        ArrayNode deliveries = o.putArray("deliveries");
        w.deliveries().forEach(d -> deliveries.add(delivery(d)));
        return o;
    }

    static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode o = SandboxJson.object();
        o.put("id", d.id());
        o.put("event_name", d.event().eventName());
        o.put("oa_id", d.event().oaId());
        o.put("user_id", d.event().userId());
        SandboxJson.putIfSet(o, "msg_id", d.event().msgId());
        SandboxJson.putIfSet(o, "tracking_id", d.event().trackingId());
        o.put("url", d.url());
        o.put("status", d.status().name().toLowerCase(Locale.ROOT));
        if (d.duplicateOf() != null) {
            o.put("duplicate_of", d.duplicateOf());
        }
        o.put("created_at", time(d.createdAt()));
        ArrayNode attempts = o.putArray("attempts");
        for (WebhookAttempt a : d.attempts()) {
            ObjectNode at = attempts.addObject();
            at.put("number", a.number());
            if (a.numRetry() != null) {
                at.put("num_retry", a.numRetry());
            }
            at.put("started_at", time(a.startedAt()));
            at.put("millis", a.millis());
            at.put("http_status", a.httpStatus());
            SandboxJson.putIfSet(at, "error", a.error());
        }
        o.put("signature", d.event().signature());
        o.set("body", SandboxJson.parse(d.event().json()));
        return o;
    }

    static ObjectNode conversation(Customer c, List<ConversationEntry> entries) {
        ObjectNode o = SandboxJson.object();
        o.put("phone_no", c.phone());
        o.put("zalo_id", c.zaloId());
        o.put("name", c.name());
        ArrayNode messages = o.putArray("messages");
        for (ConversationEntry e : entries) {
            ObjectNode m = messages.addObject();
            m.put("time", SandboxJson.isoTime(e.time()));
            m.put("direction", e.direction() == ConversationEntry.Direction.FROM_OA ? "from_oa" : "from_customer");
            m.put("msg_id", e.msgId());
            m.put("oa_id", e.oaId());
            m.put("provider", e.provider());
            m.put("format", e.format());
            SandboxJson.putIfSet(m, "text", e.text());
            SandboxJson.putIfSet(m, "quota_type", e.quotaType());
            SandboxJson.putIfSet(m, "delivered_at", SandboxJson.isoTime(e.deliveredAt()));
            SandboxJson.putIfSet(m, "seen_at", SandboxJson.isoTime(e.seenAt()));
            if (e.detail() != null) {
                m.set("detail", SandboxJson.parse(e.detail()));
            }
        }
        return o;
    }

    /** Wall-clock times of deliveries, with milliseconds. */
    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
