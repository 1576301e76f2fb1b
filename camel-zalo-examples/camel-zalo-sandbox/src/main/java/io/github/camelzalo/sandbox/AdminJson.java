package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of the sandbox's newer admin endpoints: webhook deliveries, conversations, scripts, ZNS templates, the
 * OAuth state (tokens as digests) and the clock.
 */
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

    /** The webhook deliveries the inbox shows, newest first. */
    static final int INBOX_DELIVERIES = 40;

    /**
     * A customer as the inbox shows them: who they are, and where they stand under Zalo's rules now (follower, last
     * interaction, until when the consultation window is open, free replies left, ZNS consent), with their
     * conversation's counts.
     */
    static ObjectNode inboxCustomer(Customer c, CustomerStatus status, List<ConversationEntry> entries) {
        ObjectNode o = SandboxJson.object();
        o.put("phone_no", c.phone());
        o.put("name", c.name());
        SandboxJson.putIfSet(o, "zalo_id", c.zaloId());
        o.put("on_zalo", c.zaloId() != null);
        o.put("follows", status.followingStatus());
        SandboxJson.putIfSet(o, "last_interaction", SandboxJson.isoTime(status.lastUserActivityTime()));
        o.put("window_open", status.canSendConsultationMessage() || status.consultationMessageExpiredTime() != null);
        SandboxJson.putIfSet(o, "window_until", SandboxJson.isoTime(status.consultationMessageExpiredTime()));
        o.put("free_replies_left", status.consultationMessageFreeRemain());
        o.put("zns_consent", c.profile().znsConsent());
        o.put("messages", entries.size());
        o.put("unseen", entries.stream().filter(e -> e.direction() == ConversationEntry.Direction.FROM_OA
                                                     && e.seenAt() == null).count());
        if (!entries.isEmpty()) {
            ConversationEntry last = entries.get(entries.size() - 1);
            o.put("last_time", SandboxJson.isoTime(last.time()));
        }
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

    /** One line per conversation: who, how many messages, the last one; the latest activity first. */
    static ArrayNode conversations(Conversations conversations, CustomerDirectory directory) {
        record Line(String phone, List<ConversationEntry> entries) {
            ConversationEntry last() {
                return entries.get(entries.size() - 1);
            }
        }
        ArrayNode all = SandboxJson.MAPPER.createArrayNode();
        conversations.phones().stream().map(phone -> new Line(phone, conversations.of(phone)))
                .filter(l -> !l.entries().isEmpty())
                .sorted(Comparator.comparing((Line l) -> l.last().time()).reversed())
                .forEach(l -> {
                    ObjectNode o = all.addObject();
                    o.put("phone_no", l.phone());
                    directory.find(l.phone()).ifPresent(c -> o.put("name", c.name()));
                    o.put("messages", l.entries().size());
                    o.put("unseen", l.entries().stream().filter(e -> e.direction()
                                                                     == ConversationEntry.Direction.FROM_OA
                                                                     && e.seenAt() == null).count());
                    o.put("last_time", SandboxJson.isoTime(l.last().time()));
                    o.put("last_direction", l.last().direction() == ConversationEntry.Direction.FROM_OA ? "from_oa"
                            : "from_customer");
                    SandboxJson.putIfSet(o, "last_text", l.last().text());
                });
        return all;
    }

    static ArrayNode scripts(Collection<Script> scripts) {
        ArrayNode all = SandboxJson.MAPPER.createArrayNode();
        scripts.stream().sorted(Comparator.comparingLong(Script::id)).forEach(s -> {
            ObjectNode o = all.addObject();
            o.put("script_id", s.id());
            o.put("type", s.type().wireName());
            s.parameters().forEach(o.putArray("parameters")::add);
            o.put("template", s.template());
        });
        return all;
    }

    static ArrayNode znsTemplates(ZnsTemplates templates) {
        ArrayNode all = SandboxJson.MAPPER.createArrayNode();
        for (ZnsTemplate t : templates.all()) {
            ObjectNode o = all.addObject();
            o.put("template_id", t.templateId());
            o.put("name", t.templateName());
            o.put("status", t.status());
            ArrayNode params = o.putArray("params");
            for (ZnsParam p : t.params()) {
                ObjectNode po = params.addObject();
                po.put("name", p.name());
                po.put("require", p.require());
                po.put("type", p.type());
                po.put("max_length", p.maxLength());
                po.put("min_length", p.minLength());
                po.put("accept_null", p.acceptNull());
            }
            o.put("content", t.content());
            o.put("price", t.price());
            o.put("quality", t.quality());
        }
        return all;
    }

    /** The OAuth state for people: every token only as a short digest. */
    static ObjectNode oauth(ZaloOAuth oauth, List<OfficialAccount> oas) {
        ObjectNode o = SandboxJson.object();
        o.put("app_id", oauth.appId());
        o.put("access_token_lifetime_s", oauth.accessTokenLifetime().toSeconds());
        o.put("refresh_token_lifetime_s", oauth.refreshTokenLifetime().toSeconds());
        oauth.quirks().stream().map(Enum::name).sorted().forEach(o.putArray("quirks")::add);
        o.put("pending_codes", oauth.pendingCodes());
        o.set("counters", counters(oauth.counters()));
        ArrayNode list = o.putArray("oas");
        for (OfficialAccount oa : oas) {
            ObjectNode a = list.addObject();
            a.put("oa_id", oa.oaId());
            a.put("name", oa.name());
            oauth.currentTokens(oa.oaId()).ifPresentOrElse(p -> {
                a.put("access_token", TokenDigest.of(p.accessToken()));
                a.put("access_token_expires_at", SandboxJson.isoTime(p.accessTokenExpiresAt()));
                a.put("refresh_token", TokenDigest.of(p.refreshToken()));
                a.put("refresh_token_expires_at", SandboxJson.isoTime(p.refreshTokenExpiresAt()));
            }, () -> a.putNull("access_token"));
            a.set("counters", counters(oauth.counters(oa.oaId())));
        }
        return o;
    }

    /** A pair issued on request: the one answer that carries whole tokens. */
    static ObjectNode tokenPair(TokenPair p) {
        ObjectNode o = SandboxJson.object();
        o.put("oa_id", p.oaId());
        o.put("access_token", p.accessToken());
        o.put("refresh_token", p.refreshToken());
        o.put("access_token_expires_at", SandboxJson.isoTime(p.accessTokenExpiresAt()));
        o.put("refresh_token_expires_at", SandboxJson.isoTime(p.refreshTokenExpiresAt()));
        return o;
    }

    static ObjectNode clock(SandboxClock clock) {
        ObjectNode o = SandboxJson.object();
        o.put("now", SandboxJson.isoTime(clock.now()));
        o.put("epoch_millis", clock.millis());
        o.put("frozen", clock.isFrozen());
        return o;
    }

    private static ObjectNode counters(OAuthCounters c) {
        ObjectNode o = SandboxJson.object();
        o.put("token_requests", c.tokenRequests());
        o.put("code_exchanges", c.codeExchanges());
        o.put("refreshes", c.refreshes());
        o.put("rotations", c.rotations());
        o.put("rejected_refresh_tokens", c.rejectedRefreshTokens());
        o.put("rejected_codes", c.rejectedCodes());
        return o;
    }

    /** Wall-clock times of deliveries, with milliseconds. */
    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
