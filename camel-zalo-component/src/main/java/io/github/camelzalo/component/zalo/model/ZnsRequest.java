package io.github.camelzalo.component.zalo.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.PHONE_NO;
import static io.github.camelzalo.component.zalo.ZaloConstants.TEMPLATE_DATA;
import static io.github.camelzalo.component.zalo.ZaloConstants.TEMPLATE_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.TRACKING_ID;

/**
 * A ZNS template message to a phone number ({@code zalo:sendZns}). The template's parameters are sent as text, as
 * Zalo takes them: numbers in plain decimal notation. Validated when built.
 */
public final class ZnsRequest {

    public static final int MAX_TRACKING_ID_LENGTH = 48;
    static final int MAX_PARAMS = 100;
    static final int MAX_VALUE_LENGTH = 1000;
    static final int MAX_TEMPLATE_ID_LENGTH = 32;

    private final String phoneNo;
    private final String templateId;
    private final Map<String, String> templateData;
    private final String trackingId;
    private final boolean development;
    private final String oaId;

    private ZnsRequest(Builder b) {
        this.phoneNo = PhoneNumbers.toNational(b.phoneNo, PHONE_NO);
        this.templateId = templateId(b.templateId);
        this.templateData = templateData(b.templateData);
        this.trackingId = b.trackingId == null ? null
                : OaChecks.token(TRACKING_ID, b.trackingId, MAX_TRACKING_ID_LENGTH);
        this.development = b.development;
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
    }

    public static Builder builder() {
        return new Builder();
    }

    static String templateId(String id) {
        if (id == null || id.isBlank()) {
            throw new ZaloValidationException(TEMPLATE_ID, "is required");
        }
        String t = id.strip();
        if (t.length() > MAX_TEMPLATE_ID_LENGTH || !Checks.isAsciiDigits(t)) {
            throw new ZaloValidationException(TEMPLATE_ID, "must be a numeric ZNS template id");
        }
        return t;
    }

    private static Map<String, String> templateData(Map<?, ?> data) {
        if (data == null) {
            throw new ZaloValidationException(TEMPLATE_DATA, "is required: the template's parameters");
        }
        if (data.size() > MAX_PARAMS) {
            throw new ZaloValidationException(TEMPLATE_DATA, "must not have more than " + MAX_PARAMS + " entries");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.isBlank()) {
                throw new ZaloValidationException(TEMPLATE_DATA, "must have non-empty String keys");
            }
            String field = TEMPLATE_DATA + "." + OaChecks.token(TEMPLATE_DATA, key, 100);
            copy.put(key.strip(), OaChecks.text(field, text(field, e.getValue()), MAX_VALUE_LENGTH));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A parameter value as the text Zalo takes: only types whose text is exact. */
    private static String text(String field, Object v) {
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
            || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d && Double.isFinite(d) || v instanceof Float f && Float.isFinite(f)) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros().toPlainString();
        }
        throw new ZaloValidationException(field, "must be text or a number, but was "
                                                 + (v == null ? "null" : v.getClass().getSimpleName()));
    }

    /** The phone number in national form {@code 0…}; it is sent as {@code 84…}. */
    public String getPhoneNo() {
        return phoneNo;
    }

    public String getTemplateId() {
        return templateId;
    }

    public Map<String, String> getTemplateData() {
        return templateData;
    }

    /** The sender's own id of the message, or {@code null}: the component then sends the exchange's. */
    public String getTrackingId() {
        return trackingId;
    }

    /** Development mode: Zalo delivers only to the app's and OA's admins, and counts no quota. */
    public boolean isDevelopment() {
        return development;
    }

    public String getOaId() {
        return oaId;
    }

    public Builder toBuilder() {
        return builder().phoneNo(phoneNo).templateId(templateId).templateData(templateData).trackingId(trackingId)
                .development(development).oaId(oaId);
    }

    @Override
    public String toString() {
        return "ZnsRequest[phoneNo=" + PhoneNumbers.mask(phoneNo) + ", templateId=" + templateId + ", "
               + templateData.size() + " parameters, trackingId=" + trackingId + (development ? ", development" : "")
               + ", oaId=" + oaId + "]";
    }

    public static final class Builder {
        private String phoneNo;
        private String templateId;
        private Map<?, ?> templateData;
        private String trackingId;
        private boolean development;
        private String oaId;

        public Builder phoneNo(String phoneNo) {
            this.phoneNo = phoneNo;
            return this;
        }

        public Builder templateId(String templateId) {
            this.templateId = templateId;
            return this;
        }

        public Builder templateData(Map<?, ?> templateData) {
            this.templateData = templateData;
            return this;
        }

        public Builder trackingId(String trackingId) {
            this.trackingId = trackingId;
            return this;
        }

        public Builder development(boolean development) {
            this.development = development;
            return this;
        }

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        public ZnsRequest build() {
            return new ZnsRequest(this);
        }
    }
}
