package io.github.camelzalo.component.zalo.binding;

import java.math.BigInteger;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import org.apache.camel.Message;

/**
 * Typed reading of the {@code CamelZalo*} headers. A value of the wrong type is a validation error naming the
 * header, never a silent conversion that could send the wrong thing (a phone number as a Long loses its 0).
 */
final class ExchangeValues {

    private ExchangeValues() {
    }

    /** A text header, or {@code null} when absent. */
    static String text(Message m, String header) {
        Object v = m.getHeader(header);
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        throw wrongType(header, v, "text (String)");
    }

    /** A numeric id given as text or as an integer, or {@code null} when absent. */
    static String id(Message m, String header) {
        Object v = m.getHeader(header);
        if (v == null) {
            return null;
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof BigInteger) {
            return v.toString();
        }
        throw wrongType(header, v, "an id as String or integer");
    }

    /** An integer given as a number or as text, or {@code null} when absent. */
    static Long integer(Message m, String header) {
        Object v = m.getHeader(header);
        if (v == null) {
            return null;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof CharSequence cs) {
            try {
                return Long.valueOf(cs.toString().strip());
            } catch (NumberFormatException e) {
                throw new ZaloValidationException(header, "must be a positive integer, but was \"" + cs + "\"");
            }
        }
        throw wrongType(header, v, "a positive integer");
    }

    static Map<?, ?> map(Message m, String header) {
        Object v = m.getHeader(header);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> map) {
            return map;
        }
        throw wrongType(header, v, "a Map of String keys to values");
    }

    /** The OA id from the header, else the endpoint's, required. */
    static String requireOaId(String fromRequest) {
        if (fromRequest == null) {
            throw new ZaloValidationException(ZaloConstants.OA_ID,
                    "is required: set the " + ZaloConstants.OA_ID + " header or the endpoint's oaId option");
        }
        return fromRequest;
    }

    private static ZaloValidationException wrongType(String header, Object v, String expected) {
        return new ZaloValidationException(header, "must be " + expected + ", but was a " + v.getClass().getName());
    }
}
