package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Answers status questions and sends messages for the provider handlers: finds the customer, applies
 * {@link ZaloRules}, takes the quota, updates the customer and records the message in the {@link Outbox} and the
 * customer's conversation, all under the directory's lock so concurrent sends never share a free reply or the last
 * unit of quota. Listeners (the webhook's delivery receipts) hear of each accepted message after the lock.
 */
final class Messenger {

    private final CustomerDirectory directory;
    private final OfficialAccount oa;
    private final ZaloRules rules;
    private final Outbox outbox;
    private final Conversations conversations;
    private final SandboxClock clock;
    private final List<Consumer<OutboxMessage>> listeners = new CopyOnWriteArrayList<>();

    Messenger(CustomerDirectory directory, OfficialAccount oa, ZaloRules rules, Outbox outbox,
              Conversations conversations, SandboxClock clock) {
        this.directory = directory;
        this.oa = oa;
        this.rules = rules;
        this.outbox = outbox;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** Called with every accepted message, on the thread that sent it, after the message is recorded. */
    void onAccepted(Consumer<OutboxMessage> listener) {
        listeners.add(listener);
    }

    /** @throws Refusal when the OA id is not the default OA (the one the resellers serve) */
    void checkOa(String oaId) {
        if (oaId != null && !oaId.equals(oa.oaId())) {
            throw Refusal.notFound("OA " + oaId + " is not connected to this account");
        }
    }

    CustomerStatus status(Recipient recipient) {
        synchronized (directory) {
            return rules.status(find(recipient), clock.now(), oa);
        }
    }

    CustomerStatus status(Customer customer) {
        synchronized (directory) {
            return rules.status(customer, clock.now(), oa);
        }
    }

    /** Sends the draft from the default OA, or throws the {@link Refusal} Zalo would answer. */
    OutboxMessage send(Recipient recipient, Draft draft) {
        return send(oa, recipient, draft);
    }

    /** Sends the draft from {@code sender} to the recipient, or throws the {@link Refusal} Zalo would answer. */
    OutboxMessage send(OfficialAccount sender, Recipient recipient, Draft draft) {
        OutboxMessage m;
        synchronized (directory) {
            Instant now = clock.now();
            Customer c = find(recipient);
            Refusal refusal = rules.refusal(c, draft.type(), now);
            if (refusal != null) {
                throw refusal;
            }
            String quotaType = OutboxMessage.QUOTA_NONE;
            Long remain = null;
            Long total = null;
            Instant expires = null;
            if (draft.type() == MessageType.CONSULTATION) {
                if (rules.freeRepliesLeft(c, now) > 0) {
                    c = directory.update(c.phone(), x -> x.withRepliesUsed(x.repliesUsed() + 1));
                    quotaType = OutboxMessage.QUOTA_REPLY;
                    remain = (long) rules.freeRepliesLeft(c, now);
                    total = (long) rules.freeReplies();
                    expires = c.lastInteraction().plus(rules.replyWindow());
                } else if (sender.takeSubQuota()) {
                    quotaType = OutboxMessage.QUOTA_SUB;
                    remain = (long) sender.subQuotaRemaining();
                    total = (long) sender.subQuotaTotal();
                    expires = sender.packageExpiry();
                } else {
                    throw Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -211, "the OA is out of consultation quota (the"
                                                                       + " user's " + rules.freeReplies()
                                                                       + " free replies are used and the"
                                                                       + " package's sub_quota is spent)");
                }
            }
            m = new OutboxMessage(UUID.randomUUID().toString().replace("-", ""), now, draft.provider(),
                    draft.tenant(), sender.oaId(), c.phone(), c.contactId(), c.zaloId(), c.name(), draft.type(),
                    draft.format(), draft.text(), draft.scriptId(), draft.imageUrl(), draft.attachmentId(), quotaType,
                    remain, total, expires, draft.detail(), draft.templateId(), draft.trackingId());
            outbox.add(m);
            conversations.add(c.phone(), ConversationEntry.of(m));
            conversations.markDelivered(m.msgId(), now); // the sandbox's customers are always online
        }
        listeners.forEach(l -> l.accept(m));
        return m;
    }

    private Customer find(Recipient recipient) {
        return recipient.find(directory)
                .orElseThrow(() -> Refusal.notFound("No customer with " + recipient.describe()));
    }
}
