package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.MESSAGE_TYPE;
import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.USER_ID;

/**
 * An OA message to one Zalo user through the official Zalo API (provider {@code zalo}): {@code zalo:send},
 * {@code zalo:sendImage} and {@code zalo:sendFile} read one from the exchange, or take one as the body. The message
 * type follows a template when the message has one; a text, image or file goes as a consultation message unless
 * another type is named. Validated when built; the OA id may be left out here and come from the endpoint.
 */
public final class OaMessageRequest {

    private final String userId;
    private final String oaId;
    private final OaMessageType messageType;
    private final OaMessage message;

    private OaMessageRequest(Builder b) {
        if (b.message == null) {
            throw new ZaloValidationException("message", "is required");
        }
        this.userId = Checks.numericId(USER_ID, b.userId);
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
        OaMessageType required = b.message.getTemplateType() != null ? b.message.requiredType() : null;
        if (required != null && b.messageType != null && b.messageType != required) {
            throw new ZaloValidationException(MESSAGE_TYPE, "is " + b.messageType + ", but a "
                                                            + b.message.getTemplateType() + " template is sent as "
                                                            + required);
        }
        if (required == null && b.messageType != null && b.messageType != OaMessageType.consultation
            && b.message.getKind() != OaMessage.Kind.TEXT) {
            throw new ZaloValidationException(MESSAGE_TYPE, "is " + b.messageType + ", which takes a text or a"
                                                            + " template; a " + b.message.getKind()
                                                            + " message is a consultation message");
        }
        this.messageType = required != null ? required : b.messageType != null ? b.messageType
                : OaMessageType.consultation;
        this.message = b.message;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A consultation text to a user. */
    public static OaMessageRequest text(String userId, String text) {
        return builder().userId(userId).message(OaMessage.text(text)).build();
    }

    /** The Zalo user id of the recipient (the id the OA knows the user by). */
    public String getUserId() {
        return userId;
    }

    public String getOaId() {
        return oaId;
    }

    public OaMessageType getMessageType() {
        return messageType;
    }

    public OaMessage getMessage() {
        return message;
    }

    /** A copy with the OA id filled in when this request has none. */
    public OaMessageRequest withDefaultOaId(String defaultOaId) {
        if (oaId != null || defaultOaId == null) {
            return this;
        }
        return builder().userId(userId).oaId(defaultOaId).messageType(messageType).message(message).build();
    }

    @Override
    public String toString() {
        return "OaMessageRequest[userId=" + userId + ", oaId=" + oaId + ", " + messageType + ", " + message + "]";
    }

    public static final class Builder {
        private String userId;
        private String oaId;
        private OaMessageType messageType;
        private OaMessage message;

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        /** Consultation when not set, or the type a template requires. */
        public Builder messageType(OaMessageType messageType) {
            this.messageType = messageType;
            return this;
        }

        public Builder message(OaMessage message) {
            this.message = message;
            return this;
        }

        public OaMessageRequest build() {
            return new OaMessageRequest(this);
        }
    }
}
