package io.github.camelzalo.component.zalo.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

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
        return jsonText(field, text, true);
    }

    static String imageUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        String u = jsonText(field, url.strip(), false);
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
        String a = jsonText(field, id.strip(), false);
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
            if (key.length() > MAX_TEMPLATE_KEY_LENGTH) {
                throw new ZaloValidationException(field, "must have keys of at most " + MAX_TEMPLATE_KEY_LENGTH
                                                         + " characters");
            }
            // the key is not named: it may be anything, including personal data
            jsonText(field, key, false);
            Object value = e.getValue();
            String valueField = field + "." + key;
            if (value instanceof CharSequence cs) {
                String text = cs.toString();
                int length = text.codePointCount(0, text.length());
                if (length > MAX_MESSAGE_LENGTH) {
                    throw new ZaloValidationException(valueField,
                            "must not be longer than " + MAX_MESSAGE_LENGTH + " characters, but has " + length);
                }
                copy.put(key, jsonText(valueField, text, true));
            } else if (value instanceof Number n) {
                copy.put(key, exactNumber(valueField, n));
            } else if (value instanceof Boolean) {
                copy.put(key, value);
            } else {
                throw new ZaloValidationException(field + "." + key,
                        "must be text, a number or a boolean, but was "
                                                                     + (value == null ? "null" : value.getClass().getSimpleName()));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A number as JSON can hold it exactly. Jackson writes a {@code Number} of any class it does not know with its
     * {@code toString()}, verbatim into the request: a crafted one could add fields (another recipient), NaN would
     * make the JSON invalid. So only the JDK's own number types pass, the final ones as they are, the others
     * (atomics, adders, accumulators) converted through their primitive value; BigInteger and BigDecimal only as
     * themselves, not as subclasses, which could override {@code toString()}.
     */
    private static Number exactNumber(String field, Number n) {
        Class<?> type = n.getClass();
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class || type == BigDecimal.class) {
            return n;
        }
        if (n instanceof AtomicInteger) {
            return n.intValue();
        }
        if (n instanceof AtomicLong || n instanceof LongAdder || n instanceof LongAccumulator) {
            return n.longValue();
        }
        if (type == Double.class || type == Float.class || n instanceof DoubleAdder
                || n instanceof DoubleAccumulator) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                // JSON has no NaN or Infinity: the request would not be valid JSON
                throw new ZaloValidationException(field, "must be a finite number, but was " + d);
            }
            return type == Float.class ? n : d;
        }
        throw new ZaloValidationException(field, "must be a number of one of the JDK's types (Integer, Long,"
                                                 + " BigDecimal, Double, AtomicLong, ...), but was a "
                                                 + type.getName());
    }

    /**
     * The rule every string that reaches the JSON passes, whichever field it is in: no control characters (line
     * breaks and tabs only where a text may have them), and well-formed Unicode.
     */
    static String jsonText(String field, String text, boolean allowLineBreaks) {
        // one pass over the text (it is checked on every send); a control character is reported before a surrogate
        boolean loneSurrogate = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                // control characters garble or break a chat message; line breaks and tabs are allowed in texts
                if (!(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                    throw new ZaloValidationException(field, "must not contain control characters");
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                       && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate is not text: it cannot be encoded as UTF-8 and would garble or break the request
                loneSurrogate = true;
            }
        }
        if (loneSurrogate) {
            throw new ZaloValidationException(field, "must be well-formed Unicode text (it has a lone surrogate)");
        }
        return text;
    }
}
