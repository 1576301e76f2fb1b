package io.github.camelzalo.demo;

import io.github.camelzalo.component.zalo.model.UserStatus;

/** Why nothing was sent to a customer, in the words of Zalo's rules. */
public final class SkipReason {

    private SkipReason() {
    }

    public static String of(UserStatus status) {
        if (status == null) {
            return "no status";
        }
        if (status.getZaloPsid() == null) {
            return "not on Zalo";
        }
        if (!status.isCanSendConsultationMessage()) {
            return "no interaction in 7 days, no transaction permission";
        }
        return "no free reply left, no transaction permission";
    }
}
