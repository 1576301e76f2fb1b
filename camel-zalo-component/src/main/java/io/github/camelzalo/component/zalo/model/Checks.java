package io.github.camelzalo.component.zalo.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/** The field rules shared by the request types, so every provider gets the same rules and messages. */
final class Checks {

    /** CareSoft's documented limit for a free-text message, counted in Unicode code points. */
    static final int MAX_MESSAGE_LENGTH = 1000;
    static final int MAX_ID_LENGTH = 32;
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_ATTACHMENT_ID_LENGTH = 512;


    private Checks() {
    }

    /** A numeric id (OA id, CareSoft contact id, Zalo user id): kept as a string, since OA ids exceed 16 digits. */
    static String numericId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        String id = value.strip();
        if (id.length() > MAX_ID_LENGTH || !isAsciiDigits(id)) {
            throw new ZaloValidationException(field, "must be a numeric id of at most " + MAX_ID_LENGTH + " digits");
        }
        return id;
    }

    /** Whether {@code text} is one or more of 0-9 (what the regex {@code \\d+} matches, without its cost). */
    static boolean isAsciiDigits(CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static long positiveInteger(String field, Long value) {
        if (value == null || value <= 0 || value > Integer.MAX_VALUE) {
            throw new ZaloValidationException(field, "must be a positive integer no larger than " + Integer.MAX_VALUE);
        }
        return value;
    }

    static String message(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ZaloValidationException(field, "must not be empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_MESSAGE_LENGTH) {
            throw new ZaloValidationException(field,
                    "must not be longer than " + MAX_MESSAGE_LENGTH + " characters, but has " + length);
        }
        noControlCharacters(field, text, true);
        return text;
    }

    static String imageUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        String u = url.strip();
        noControlCharacters(field, u, false);
        if (u.length() > MAX_URL_LENGTH) {
            throw new ZaloValidationException(field, "must not be longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new ZaloValidationException(field, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new ZaloValidationException(field, "must be an absolute http or https URL");
        }
        return u;
    }

    static String attachmentId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        String a = id.strip();
        if (a.length() > MAX_ATTACHMENT_ID_LENGTH || a.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            throw new ZaloValidationException(field,
                    "must be an attachment id from Zalo's upload API: no spaces, at most " + MAX_ATTACHMENT_ID_LENGTH
                                                     + " characters");
        }
        return a;
    }

    /** Template parameters: string keys, scalar values (text, numbers, booleans), nothing null or nested. */
    static Map<String, Object> templateParams(String field, Map<?, ?> params) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : params.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.isBlank()) {
                throw new ZaloValidationException(field, "must have non-empty String keys, but has key " + e.getKey());
            }
            Object value = e.getValue();
            if (value instanceof CharSequence cs) {
                noControlCharacters(field + "." + key, cs.toString(), true);
                copy.put(key, cs.toString());
            } else if (value instanceof Number || value instanceof Boolean) {
                copy.put(key, value);
            } else {
                throw new ZaloValidationException(field + "." + key,
                        "must be text, a number or a boolean, but was "
                                                                     + (value == null ? "null" : value.getClass().getSimpleName()));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Control characters garble or break a chat message; line breaks and tabs are allowed in texts. */
    private static void noControlCharacters(String field, String text, boolean allowLineBreaks) {
        boolean bad = text.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')));
        if (bad) {
            throw new ZaloValidationException(field, "must not contain control characters");
        }
    }
}
