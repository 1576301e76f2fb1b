package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.UUID;

/**
 * Answers status questions and sends messages for the provider handlers: finds the customer, applies
 * {@link ZaloRules}, takes the quota, updates the customer and records the message in the {@link Outbox}, all under
 * the directory's lock so concurrent sends never share a free reply or the last unit of quota.
 */
final class Messenger {

    private final CustomerDirectory directory;
    private final OfficialAccount oa;
    private final ZaloRules rules;
    private final Outbox outbox;
    private final SandboxClock clock;

    Messenger(CustomerDirectory directory, OfficialAccount oa, ZaloRules rules, Outbox outbox, SandboxClock clock) {
        this.directory = directory;
        this.oa = oa;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @throws Refusal when the OA id is not the sandbox's OA */
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

    /** Sends the draft to the recipient, or throws the {@link Refusal} Zalo would answer. */
    OutboxMessage send(Recipient recipient, Draft draft) {
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
                } else if (oa.takeSubQuota()) {
                    quotaType = OutboxMessage.QUOTA_SUB;
                    remain = (long) oa.subQuotaRemaining();
                    total = (long) oa.subQuotaTotal();
                    expires = oa.packageExpiry();
                } else {
                    throw Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -211, "the OA is out of consultation quota (the"
                                                                       + " user's " + rules.freeReplies()
                                                                       + " free replies are used and the"
                                                                       + " package's sub_quota is spent)");
                }
            }
            OutboxMessage m = new OutboxMessage(UUID.randomUUID().toString().replace("-", ""), now, draft.provider(),
                    draft.tenant(), oa.oaId(), c.phone(), c.contactId(), c.zaloId(), c.name(), draft.type(),
                    draft.format(), draft.text(), draft.scriptId(), draft.imageUrl(), draft.attachmentId(), quotaType,
                    remain, total, expires);
            outbox.add(m);
            return m;
        }
    }

    private Customer find(Recipient recipient) {
        return recipient.find(directory)
                .orElseThrow(() -> Refusal.notFound("No customer with " + recipient.describe()));
    }
}
