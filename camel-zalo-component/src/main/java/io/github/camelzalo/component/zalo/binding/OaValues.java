package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.OaMessageRequest;
import org.apache.camel.Message;

/** What every operation of provider zalo reads alike: the OA, which picks the OAuth tokens the call carries. */
final class OaValues {

    private OaValues() {
    }

    /** {@code CamelZaloOaId}, else the endpoint's {@code oaId}; may be {@code null}. */
    static String oaId(Message m, ZaloConfiguration endpoint) {
        String oaId = ExchangeValues.id(m, ZaloConstants.OA_ID);
        return oaId != null ? oaId : endpoint.getOaId();
    }

    static String requireOaId(String oaId) {
        if (oaId == null) {
            throw new ZaloValidationException(ZaloConstants.OA_ID, "is required: set the " + ZaloConstants.OA_ID
                                                                   + " header or the endpoint's oaId option; it"
                                                                   + " picks the OA whose tokens the call carries");
        }
        return oaId;
    }

    static OaMessageRequest requireOaId(OaMessageRequest r) {
        requireOaId(r.getOaId());
        return r;
    }

    /** An int header given as a number or as text, or {@code fallback} when absent. */
    static int integer(Message m, String header, int fallback) {
        Long v = ExchangeValues.integer(m, header);
        if (v == null) {
            return fallback;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ZaloValidationException(header, "is out of range");
        }
        return v.intValue();
    }
}
