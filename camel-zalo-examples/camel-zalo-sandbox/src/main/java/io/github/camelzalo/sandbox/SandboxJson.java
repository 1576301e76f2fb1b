package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sandbox's JSON: provider times, and the outbox, stats and customers of the {@code /sandbox} endpoints. */
final class SandboxJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** CareSoft's {@code yyyy-MM-dd HH:mm:ss}, in Vietnam time. */
    static final DateTimeFormatter CARESOFT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(SandboxClock.VIETNAM);
    /** ISO-8601 with the Vietnam offset, {@code 2026-03-02T09:00:00+07:00}: eTelecom and the sandbox's own JSON. */
    static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(SandboxClock.VIETNAM);

    private SandboxJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String caresoftTime(Instant t) {
        return t == null ? null : CARESOFT_TIME.format(t);
    }

    static String isoTime(Instant t) {
        return t == null ? null : ISO_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A text field: a JSON string, or a JSON number written as text (ids are sent both ways). */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw Refusal.invalid(field + " must be a string");
    }

    static ArrayNode outbox(List<OutboxMessage> messages) {
        ArrayNode array = MAPPER.createArrayNode();
        for (OutboxMessage m : messages) {
            ObjectNode o = array.addObject();
            o.put("msg_id", m.msgId());
            o.put("time", isoTime(m.time()));
            o.put("provider", m.provider());
            putIfSet(o, "tenant", m.tenant());
            o.put("oa_id", m.oaId());
            o.put("phone_no", m.phone());
            o.put("contact_id", m.contactId());
            o.put("zalo_id", m.zaloId());
            o.put("name", m.customerName());
            o.put("type", m.type().wireName());
            o.put("format", m.format());
            putIfSet(o, "text", m.text());
            if (m.scriptId() != null) {
                o.put("script_id", m.scriptId());
            }
            putIfSet(o, "image_url", m.imageUrl());
            putIfSet(o, "attachment_id", m.attachmentId());
            o.put("quota_type", m.quotaType());
            if (m.quotaRemain() != null) {
                o.put("quota_remain", m.quotaRemain());
                o.put("quota_total", m.quotaTotal());
                o.put("quota_expires", isoTime(m.quotaExpires()));
            }
            putIfSet(o, "template_id", m.templateId());
            putIfSet(o, "tracking_id", m.trackingId());
            if (m.detail() != null) {
                o.set("detail", parse(m.detail()));
            }
        }
        return array;
    }

    static ObjectNode stats(SandboxStats s) {
        ObjectNode o = object();
        o.put("requests", s.requests());
        o.put("caresoft_requests", s.caresoftRequests());
        o.put("etelecom_requests", s.etelecomRequests());
        o.put("zalo_requests", s.zaloRequests());
        o.put("accepted", s.accepted());
        o.put("refused", s.refused());
        o.put("invalid", s.invalid());
        o.put("unauthorized", s.unauthorized());
        o.put("rate_limited", s.rateLimited());
        o.put("lockouts", s.lockouts());
        o.put("locked_out", s.lockedOut());
        o.put("zalo_rate_limited", s.zaloRateLimited());
        return o;
    }

    static ObjectNode customer(Customer c, CustomerStatus status) {
        ObjectNode o = object();
        o.put("phone_no", c.phone());
        o.put("contact_id", c.contactId());
        o.put("zalo_id", c.zaloId());
        o.put("name", c.name());
        o.put("follows", c.following());
        o.put("last_interaction", isoTime(c.lastInteraction()));
        o.put("replies_used", c.repliesUsed());
        ZaloProfile p = c.profile();
        p.tags().forEach(o.putArray("tags")::add);
        o.put("shares_info", p.sharesInfo());
        o.put("zns_consent", p.znsConsent());
        o.put("admin", p.admin());
        o.set("status", CareSoftJson.statusData(status));
        return o;
    }

    /** JSON text the sandbox itself wrote back into a tree. */
    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The sandbox stored JSON it cannot read back", e);
        }
    }

    static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
