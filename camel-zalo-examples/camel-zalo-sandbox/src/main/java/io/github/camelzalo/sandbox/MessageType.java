package io.github.camelzalo.sandbox;

import java.util.Locale;

/** Zalo's message types, each with its own permission (see {@link ZaloRules}). */
public enum MessageType {
    /** Tin tư vấn: an answer to the user; needs an interaction within 7 days and consultation quota. */
    CONSULTATION,
    /** Tin giao dịch: order, payment, appointment notices. */
    TRANSACTION,
    /** Tin truyền thông: promotions and broadcasts; followers only. */
    PROMOTION,
    /** ZNS (ZBS Template Message): an approved template sent by phone number; needs a Zalo account. */
    ZNS;

    /** {@code consultation}, {@code transaction}, {@code promotion}, {@code zns}: the form used in JSON and CSV. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageType fromWireName(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
