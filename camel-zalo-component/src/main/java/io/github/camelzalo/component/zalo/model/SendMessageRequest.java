package io.github.camelzalo.component.zalo.model;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.CONTACT_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.MESSAGE;
import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.PHONE_NO;
import static io.github.camelzalo.component.zalo.ZaloConstants.SCRIPT_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.TEMPLATE_PARAMS;

/**
 * Send a consultation, transaction or promotion message, to a phone number or a CareSoft contact id, as free
 * text or as a configured script with parameters. Validated when built; may be the body of an exchange sent to
 * {@code zalo:send}. The OA id may be left out here and come from the endpoint.
 */
public final class SendMessageRequest {

    private final String phoneNo;
    private final String contactId;
    private final String oaId;
    private final Long scriptId;
    private final Map<String, Object> templateParams;
    private final String message;

    private SendMessageRequest(Builder b) {
        if (b.phoneNo == null && b.contactId == null) {
            throw new ZaloValidationException(PHONE_NO + "/" + CONTACT_ID,
                    "is required: give the recipient's phone number or CareSoft contact id");
        }
        if (b.phoneNo != null && b.contactId != null) {
            throw new ZaloValidationException(PHONE_NO + "/" + CONTACT_ID,
                    "are both set: give exactly one recipient, a phone number or a CareSoft contact id");
        }
        if (b.scriptId == null && b.message == null) {
            throw new ZaloValidationException(SCRIPT_ID + "/" + MESSAGE,
                    "is required: give a script id or a message text (or a String body)");
        }
        if (b.scriptId != null && b.message != null) {
            throw new ZaloValidationException(SCRIPT_ID + "/" + MESSAGE,
                    "are both set: a message is either a script or a text, not both");
        }
        if (b.templateParams != null && b.scriptId == null) {
            throw new ZaloValidationException(TEMPLATE_PARAMS, "can only be used with " + SCRIPT_ID);
        }
        this.phoneNo = b.phoneNo == null ? null : PhoneNumbers.toNational(b.phoneNo, PHONE_NO);
        this.contactId = b.contactId == null ? null : Checks.numericId(CONTACT_ID, b.contactId);
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
        this.scriptId = b.scriptId == null ? null : Checks.positiveInteger(SCRIPT_ID, b.scriptId);
        this.templateParams = b.templateParams == null ? null : Checks.templateParams(TEMPLATE_PARAMS, b.templateParams);
        this.message = b.message == null ? null : Checks.message(MESSAGE, b.message);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A free text to a phone number. */
    public static SendMessageRequest text(String phoneNo, String message) {
        return builder().phoneNo(phoneNo).message(message).build();
    }

    /** A script (template) with parameters to a phone number. */
    public static SendMessageRequest script(String phoneNo, long scriptId, Map<String, ?> templateParams) {
        return builder().phoneNo(phoneNo).scriptId(scriptId).templateParams(templateParams).build();
    }

    /** The recipient's phone number in national form {@code 0xxxxxxxxx}, or {@code null} when sent by contact id. */
    public String getPhoneNo() {
        return phoneNo;
    }

    /** The recipient's CareSoft contact id, or {@code null} when sent by phone number. */
    public String getContactId() {
        return contactId;
    }

    public String getOaId() {
        return oaId;
    }

    public Long getScriptId() {
        return scriptId;
    }

    public Map<String, Object> getTemplateParams() {
        return templateParams;
    }

    public String getMessage() {
        return message;
    }

    /** A copy with the OA id filled in when this request has none. */
    public SendMessageRequest withDefaultOaId(String defaultOaId) {
        if (oaId != null || defaultOaId == null) {
            return this;
        }
        return builder().phoneNo(phoneNo).contactId(contactId).oaId(defaultOaId).scriptId(scriptId)
                .templateParams(templateParams).message(message).build();
    }

    @Override
    public String toString() {
        return "SendMessageRequest[" + (phoneNo != null ? "phoneNo=" + PhoneNumbers.mask(phoneNo) : "contactId=" + contactId)
               + ", oaId=" + oaId + (scriptId != null ? ", scriptId=" + scriptId : ", message of "
                                                                                   + message.codePointCount(0, message.length())
                                                                                   + " characters")
               + "]";
    }

    public static final class Builder {
        private String phoneNo;
        private String contactId;
        private String oaId;
        private Long scriptId;
        private Map<?, ?> templateParams;
        private String message;

        public Builder phoneNo(String phoneNo) {
            this.phoneNo = phoneNo;
            return this;
        }

        /** The recipient's CareSoft contact id (the {@code userId} of a {@link UserStatus}), instead of a phone. */
        public Builder contactId(String contactId) {
            this.contactId = contactId;
            return this;
        }

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        public Builder scriptId(Long scriptId) {
            this.scriptId = scriptId;
            return this;
        }

        public Builder templateParams(Map<?, ?> templateParams) {
            this.templateParams = templateParams;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** @throws ZaloValidationException when a field is missing, doubled or breaks a rule */
        public SendMessageRequest build() {
            return new SendMessageRequest(this);
        }
    }
}
