package io.github.camelzalo.component.zalo.model;

/** What the official Zalo API answered to an OA message: the message's id and the quota that paid for it. */
public class OaMessageResult {

    private String messageId;
    private String userId;
    private OaMessageType messageType;
    private Quota quota;

    /** The id of the message, which delivery and seen events name. */
    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    /** The recipient's Zalo user id. */
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public OaMessageType getMessageType() {
        return messageType;
    }

    public void setMessageType(OaMessageType messageType) {
        this.messageType = messageType;
    }

    /** The quota that paid, as for eTelecom's images; {@code null} when Zalo sent none. */
    public Quota getQuota() {
        return quota;
    }

    public void setQuota(Quota quota) {
        this.quota = quota;
    }

    @Override
    public String toString() {
        return "OaMessageResult[messageId=" + messageId + ", userId=" + userId + ", " + messageType + ", quota="
               + quota + "]";
    }
}
