package io.github.camelzalo.component.zalo.model;

import java.time.Instant;

/** Where a ZNS message is ({@code zalo:znsStatus}). */
public class ZnsDeliveryStatus {

    private String msgId;
    private String status;
    private Instant deliveryTime;
    private String message;

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    /** Zalo's status code of the message, as it wrote it (e.g. {@code 1} delivered). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** When it reached the user's phone, or {@code null}. */
    public Instant getDeliveryTime() {
        return deliveryTime;
    }

    public void setDeliveryTime(Instant deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    /** Zalo's words for the status. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return "ZnsDeliveryStatus[msgId=" + msgId + ", status=" + status + ", deliveryTime=" + deliveryTime + "]";
    }
}
