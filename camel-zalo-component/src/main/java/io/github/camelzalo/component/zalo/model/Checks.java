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
    /** Generous bounds for script parameters, which no provider documents: enough for any script, not a flood. */
    static final int MAX_TEMPLATE_PARAMS = 100;
    static final int MAX_TEMPLATE_KEY_LENGTH = 100;


    private Checks() {
    }

    /** A numeric id (OA id, CareSoft contact id, Zalo user id): kept as a string, since OA ids exceed 16 digits. */
    static String numericId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        String id = value.strip();
        if (id.length() > MAX_ID_LENGTH || !isAsciiDigits(id) || isAllZeros(id)) {
            throw new ZaloValidationException(field,
                    "must be a positive numeric id of at most " + MAX_ID_LENGTH + " digits");
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

    private static boolean isAllZeros(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
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
        wellFormed(field, text);
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
            if (uri.getRawUserInfo() != null) {
                // Zalo fetches the image: a user name or password in the URL would be handed to a third party
                throw new ZaloValidationException(field, "must not contain a user name or password");
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
        if (params.size() > MAX_TEMPLATE_PARAMS) {
            throw new ZaloValidationException(field,
                    "must not have more than " + MAX_TEMPLATE_PARAMS + " entries, but has " + params.size());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : params.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.isBlank()) {
                // the key itself is not shown: it may be anything, including personal data
                throw new ZaloValidationException(field, "must have non-empty String keys, but has a key of type "
                                                         + (e.getKey() == null ? "null"
                                                                 : e.getKey().getClass().getSimpleName()));
            }
            if (key.length() > MAX_TEMPLATE_KEY_LENGTH || key.codePoints().anyMatch(Character::isISOControl)) {
                throw new ZaloValidationException(field, "must have keys of at most " + MAX_TEMPLATE_KEY_LENGTH
                                                         + " characters without control characters");
            }
            Object value = e.getValue();
            String valueField = field + "." + key;
            if (value instanceof CharSequence cs) {
                String text = cs.toString();
                int length = text.codePointCount(0, text.length());
                if (length > MAX_MESSAGE_LENGTH) {
                    throw new ZaloValidationException(valueField,
                            "must not be longer than " + MAX_MESSAGE_LENGTH + " characters, but has " + length);
                }
                noControlCharacters(valueField, text, true);
                wellFormed(valueField, text);
                copy.put(key, text);
            } else if (value instanceof Double d && !Double.isFinite(d)
                    || value instanceof Float f && !Float.isFinite(f)) {
                // JSON has no NaN or Infinity: the request would not be valid JSON
                throw new ZaloValidationException(valueField, "must be a finite number, but was " + value);
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

    /** A lone surrogate is not text: it cannot be encoded as UTF-8 and would garble or break the request. */
    private static void wellFormed(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ZaloValidationException(field, "must be well-formed Unicode text (it has a lone surrogate)");
            }
        }
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
