package io.github.camelzalo.sandbox;

import java.time.LocalTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v3.0/oa/message/{cs|transaction|promotion}}: checks the message ({@link OaMessageParser}), finds the
 * user by Zalo id, then applies Zalo's rules through the {@link Messenger} (consultation window -230/-232, free
 * replies then {@code sub_quota} then -211, followers -213), plus what only the OA API has: a quoted message must
 * be in the conversation, promotions not 22:00–06:00 Vietnam time (-234) and within the per-user limits (-218).
 */
final class OaMessageSender {

    static final LocalTime NIGHT_STARTS = LocalTime.of(22, 0);
    static final LocalTime NIGHT_ENDS = LocalTime.of(6, 0);

    private final OaMessageParser parser;
    private final Messenger messenger;
    private final CustomerDirectory directory;
    private final Conversations conversations;
    private final PromotionQuota promotions;
    private final SandboxClock clock;

    OaMessageSender(OaMessageParser parser, Messenger messenger, CustomerDirectory directory,
                    Conversations conversations, PromotionQuota promotions, SandboxClock clock) {
        this.parser = parser;
        this.messenger = messenger;
        this.directory = directory;
        this.conversations = conversations;
        this.promotions = promotions;
        this.clock = clock;
    }

    /** An endpoint for {@code /v3.0/oa/message/<endpoint>}. */
    OpenApiHandler.Endpoint endpoint(String endpoint) {
        return (exchange, oa) -> send(endpoint, HttpIo.jsonObject(exchange), oa);
    }

    JsonNode send(String endpoint, JsonNode body, OfficialAccount oa) {
        OaMessageParser.OaMessage m = parser.parse(endpoint, body, oa.oaId());
        Customer c = directory.findByZaloId(m.userId()).orElseThrow(() -> OaMessageParser.invalid(
                "recipient.user_id is invalid: no user " + m.userId() + " of this OA"));
        if (m.quoteMessageId() != null && !conversations.contains(c.phone(), m.quoteMessageId())) {
            throw OaMessageParser.invalid("message.quote_message_id is invalid: no message "
                                          + m.quoteMessageId() + " in this user's conversation");
        }
        OutboxMessage sent;
        if (m.type() == MessageType.PROMOTION) {
            LocalTime now = clock.localNow().toLocalTime();
            if (!now.isBefore(NIGHT_STARTS) || now.isBefore(NIGHT_ENDS)) {
                throw Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -234, "promotion messages cannot be sent between"
                                                                   + " 22:00 and 06:00");
            }
            promotions.take(oa.oaId(), m.userId());
            try {
                sent = messenger.send(oa, Recipient.byZaloId(m.userId()), draft(m));
            } catch (RuntimeException e) {
                promotions.giveBack(oa.oaId(), m.userId());
                throw e;
            }
        } else {
            sent = messenger.send(oa, Recipient.byZaloId(m.userId()), draft(m));
        }
        ObjectNode data = SandboxJson.object();
        data.put("message_id", sent.msgId());
        data.put("user_id", sent.zaloId());
        if (sent.quotaRemain() != null) {
            ObjectNode quota = data.putObject("quota");
            quota.put("quota_type", sent.quotaType());
            quota.put("remain", String.valueOf(sent.quotaRemain()));
            quota.put("total", String.valueOf(sent.quotaTotal()));
            quota.put("expired_date", SandboxJson.isoTime(sent.quotaExpires()));
            quota.put("owner_type", "OA");
            quota.put("owner_id", sent.oaId());
        }
        return data;
    }

    private static Draft draft(OaMessageParser.OaMessage m) {
        return Draft.zalo(m.type(), m.format(), m.text(), m.imageUrl(), m.attachmentId(), m.detail());
    }
}
