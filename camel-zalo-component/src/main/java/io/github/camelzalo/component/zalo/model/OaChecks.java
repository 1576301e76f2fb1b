package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/** Rules of the official Zalo API's fields, on top of the shared ones in {@link Checks}. */
final class OaChecks {

    /** Zalo's limit for the text of a consultation message, in Unicode code points. */
    static final int MAX_OA_TEXT_LENGTH = 2000;

    private OaChecks() {
    }

    /** A required text of at most {@code max} code points, without control characters but line breaks. */
    static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new ZaloValidationException(field, "must not be empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new ZaloValidationException(field,
                    "must not be longer than " + max + " characters, but has " + length);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new ZaloValidationException(field, "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ZaloValidationException(field, "must be well-formed Unicode text (it has a lone surrogate)");
            }
        }
        return text;
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
