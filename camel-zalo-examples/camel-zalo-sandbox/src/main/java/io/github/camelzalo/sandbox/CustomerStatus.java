package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * A customer's state towards the OA at one instant: exactly what CareSoft's {@code user-status} answers, derived by
 * {@link ZaloRules} from the directory and the OA's quota, so it never disagrees with what a send then does.
 */
public record CustomerStatus(
        String userId,
        String username,
        String zaloPsid,
        boolean followingStatus,
        Instant lastUserActivityTime,
        boolean canSendConsultationMessage,
        Instant consultationMessageExpiredTime,
        int consultationMessageFreeRemain,
        boolean canSendTransactionMessage,
        boolean canSendPromotionMessage,
        boolean canCallZccByPhone,
        boolean canCallZccByZaloId,
        boolean canSendZns) {
}
