package io.github.camelzalo.component.zalo.model;

/** The message Zalo created for {@code zalo:sendImage}, and the quota that paid for it. */
public class SendImageResult {

    private String msgId;
    private String direction;
    private String type;
    private String oaId;
    private String recipientId;
    private String senderId;
    private String shopId;
    private String userId;
    private String zlUserId;
    private String wlPartnerId;
    private Quota quota;

    /** The id of the message. */
    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    /** {@code in} or {@code out}. */
    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    /** The message type: {@code photo}, {@code text}, ... or {@code unknown}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getOaId() {
        return oaId;
    }

    public void setOaId(String oaId) {
        this.oaId = oaId;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    public String getSenderId() {
        return senderId;
    }

    public void setSenderId(String senderId) {
        this.senderId = senderId;
    }

    /** The shop's id at eTelecom. */
    public String getShopId() {
        return shopId;
    }

    public void setShopId(String shopId) {
        this.shopId = shopId;
    }

    /** The user's id at eTelecom (not the Zalo user id: see {@link #getZlUserId()}). */
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    /** The Zalo user id. */
    public String getZlUserId() {
        return zlUserId;
    }

    public void setZlUserId(String zlUserId) {
        this.zlUserId = zlUserId;
    }

    /** The white-label partner id. */
    public String getWlPartnerId() {
        return wlPartnerId;
    }

    public void setWlPartnerId(String wlPartnerId) {
        this.wlPartnerId = wlPartnerId;
    }

    /** The quota that paid, or {@code null} when the provider sent none. */
    public Quota getQuota() {
        return quota;
    }

    public void setQuota(Quota quota) {
        this.quota = quota;
    }

    @Override
    public String toString() {
        return "SendImageResult[msgId=" + msgId + ", direction=" + direction + ", type=" + type + ", oaId=" + oaId
               + ", recipientId=" + recipientId + ", senderId=" + senderId + ", shopId=" + shopId + ", userId="
               + userId + ", zlUserId=" + zlUserId + ", wlPartnerId=" + wlPartnerId + ", quota=" + quota + "]";
    }
}
