package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/**
 * The three kinds of OA message of the official Zalo API, each with its own endpoint and rules: consultation
 * ({@code /message/cs}, the first 8 within 48 hours of the user's last message are free, allowed for 7 days after
 * it), transaction ({@code /message/transaction}) and promotion ({@code /message/promotion}, not 22:00–06:00).
 */
public enum OaMessageType {
    consultation("cs"),
    transaction("transaction"),
    promotion("promotion");

    private final String pathSegment;

    OaMessageType(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The last segment of the endpoint's path: {@code cs}, {@code transaction}, {@code promotion}. */
    public String pathSegment() {
        return pathSegment;
    }

    /** By name ({@code consultation}, any case) or by path segment ({@code cs}). */
    public static OaMessageType of(String name, String field) {
        String n = name.strip();
        for (OaMessageType t : values()) {
            if (t.name().equalsIgnoreCase(n) || t.pathSegment.equalsIgnoreCase(n)) {
                return t;
            }
        }
        throw new ZaloValidationException(field, "must be consultation, transaction or promotion");
    }
}
