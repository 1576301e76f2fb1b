package io.github.camelzalo.component.zalo.binding;

import java.math.BigInteger;
import java.util.Set;

import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.SendImageRequest;
import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import io.github.camelzalo.component.zalo.model.UserStatusRequest;
import org.apache.camel.Message;

/**
 * Typed reading of the {@code CamelZalo*} headers. A value of the wrong type is a validation error naming the
 * header, never a silent conversion that could send the wrong thing (a phone number as a Long loses its 0).
 */
final class ExchangeValues {

    private static final Set<Class<?>> REQUEST_TYPES = Set.of(UserStatusRequest.class, SendMessageRequest.class,
            SendImageRequest.class);

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
                // the text is not echoed: headers come from untrusted input and may hold anything, even a phone
                // number, and exception messages end up in logs
                throw new ZaloValidationException(header,
                        "must be a positive integer, but was text of " + cs.length() + " characters that is not one");
            }
        }
        throw wrongType(header, v, "a positive integer");
    }

    /**
     * Refuses a typed request meant for another operation as the body, e.g. a {@code SendImageRequest} sent to
     * {@code zalo:send}, rather than ignoring it and failing on some header it does not have.
     */
    static void notAnotherOperationsRequest(Object body, Class<?> expected, String operation) {
        if (body != null && body.getClass() != expected && REQUEST_TYPES.contains(body.getClass())) {
            throw new ZaloValidationException("body", "is a " + body.getClass().getSimpleName() + ", which zalo:"
                                                      + operation + " cannot send; it takes a "
                                                      + expected.getSimpleName() + " or headers");
        }
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
