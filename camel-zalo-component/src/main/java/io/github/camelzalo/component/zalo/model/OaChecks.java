package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/** Rules of the official Zalo API's fields, on top of the shared ones in {@link Checks}. */
final class OaChecks {

    /** Zalo's limit for the text of a consultation message, in Unicode code points. */
    static final int MAX_OA_TEXT_LENGTH = 2000;

    private OaChecks() {
    }

    /** A required text of at most {@code max} code points, by the rule every text reaching the JSON follows. */
    static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new ZaloValidationException(field, "must not be empty");
        }
        // a text of at most max chars has at most max code points: only a longer one needs counting
        int length = text.length() <= max ? text.length() : text.codePointCount(0, text.length());
        if (length > max) {
            throw new ZaloValidationException(field,
                    "must not be longer than " + max + " characters, but has " + length);
        }
        return Checks.jsonText(field, text, true);
    }

    /** An id Zalo gave out (message id, file token): printable, no spaces, at most {@code max} characters. */
    static String token(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        String v = value.strip();
        if (v.length() > max || !v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ZaloValidationException(field,
                    "must be an id from Zalo: printable ASCII without spaces, at most " + max + " characters");
        }
        return v;
    }
}
