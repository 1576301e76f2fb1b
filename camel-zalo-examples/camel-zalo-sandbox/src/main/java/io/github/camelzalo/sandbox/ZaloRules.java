package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * Zalo's rules as the sandbox applies them, in one place so that the user-status answer and what a send then does
 * always agree. All durations are configurable through {@link ZaloSandbox.Builder}.
 *
 * <ul>
 * <li><b>Consultation</b> (free text, a consultation script, an image): the user must be on Zalo and must have
 * written to the OA within the last {@code consultationWindow} (7 days). The first {@code freeReplies} (8) sends
 * within {@code replyWindow} (48 h) of the user's last message are paid by the {@code reply} quota; later ones by
 * the OA package's {@code sub_quota} until it is spent. A new message from the user restarts both windows and the
 * free replies.</li>
 * <li><b>Transaction</b>: the user must be on Zalo and either follow the OA or have written to it within
 * {@code transactionWindow} (30 days). Paid per message by Zalo, so no consultation quota is used.</li>
 * <li><b>Promotion</b>: the user must be on Zalo and follow the OA. No consultation quota is used.</li>
 * <li><b>ZNS</b> ({@code can_send_zns}): the number has a Zalo account. ZCC calls: by Zalo id for followers,
 * never by phone.</li>
 * </ul>
 */
public record ZaloRules(Duration consultationWindow, Duration replyWindow, int freeReplies,
        Duration transactionWindow) {

    /** Zalo's published numbers: 7 days, 48 hours, 8 free replies; and 30 days for transaction messages. */
    public static final ZaloRules DEFAULT = new ZaloRules(Duration.ofDays(7), Duration.ofHours(48), 8,
            Duration.ofDays(30));

    /** Whether a consultation message may be sent as far as the interaction window goes. */
    boolean inConsultationWindow(Customer c, Instant now) {
        return c.onZalo() && c.lastInteraction() != null
               && now.isBefore(c.lastInteraction().plus(consultationWindow));
    }

    /** The {@code reply} messages left: 8 minus those used, within 48 h of the user's message; else 0. */
    int freeRepliesLeft(Customer c, Instant now) {
        if (!inConsultationWindow(c, now) || !now.isBefore(c.lastInteraction().plus(replyWindow))) {
            return 0;
        }
        return Math.max(0, freeReplies - c.repliesUsed());
    }

    CustomerStatus status(Customer c, Instant now, OfficialAccount oa) {
        boolean window = inConsultationWindow(c, now);
        int free = freeRepliesLeft(c, now);
        return new CustomerStatus(c.contactId(), c.name(), c.zaloId(), c.onZalo() && c.following(),
                c.lastInteraction(),
                window && (free > 0 || oa.subQuotaRemaining() > 0),
                window ? c.lastInteraction().plus(consultationWindow) : null,
                free,
                refusal(c, MessageType.TRANSACTION, now) == null,
                refusal(c, MessageType.PROMOTION, now) == null,
                false,
                c.onZalo() && c.following(),
                c.onZalo());
    }

    /**
     * Why a message of this type may not be sent to the customer now, or {@code null} when it may. For a
     * consultation this checks the window only; the quota is taken when the message is sent.
     */
    Refusal refusal(Customer c, MessageType type, Instant now) {
        if (!c.onZalo()) {
            return Refusal.notAllowed("The customer's phone number has no Zalo account the OA can reach");
        }
        return switch (type) {
            case CONSULTATION -> {
                if (c.lastInteraction() == null) {
                    yield Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -232, "the user has never interacted with the OA");
                }
                yield inConsultationWindow(c, now) ? null : Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -230,
                        "the user has not interacted with the OA in the past " + days(consultationWindow));
            }
            case TRANSACTION -> c.following() || c.lastInteraction() != null
                                                 && now.isBefore(c.lastInteraction().plus(transactionWindow))
                    ? null
                    : Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -213, "the user does not follow the OA and has not"
                                                                   + " interacted with it in the past "
                                                                   + days(transactionWindow));
            case PROMOTION -> c.following() ? null
                    : Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -213, "the user has not followed the OA");
            // ZNS goes by phone number and needs only a Zalo account; its own checks come before (ZnsSender)
            case ZNS -> null;
        };
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
