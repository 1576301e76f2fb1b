package io.github.camelzalo.component.zalo.model;

import java.time.Instant;

/** What the official Zalo API answered to a ZNS message, with the OA's daily ZNS quota after it. */
public class ZnsResult {

    private String msgId;
    private Instant sentTime;
    private String sendingMode;
    private Long dailyQuota;
    private Long remainingQuota;
    private String trackingId;

    /** The id of the message: {@code znsStatus} takes it, and delivery events name it. */
    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public Instant getSentTime() {
        return sentTime;
    }

    public void setSentTime(Instant sentTime) {
        this.sentTime = sentTime;
    }

    /** Zalo's {@code sending_mode}, or {@code null}. */
    public String getSendingMode() {
        return sendingMode;
    }

    public void setSendingMode(String sendingMode) {
        this.sendingMode = sendingMode;
    }

    public Long getDailyQuota() {
        return dailyQuota;
    }

    public void setDailyQuota(Long dailyQuota) {
        this.dailyQuota = dailyQuota;
    }

    /** ZNS messages the OA may still send today. */
    public Long getRemainingQuota() {
        return remainingQuota;
    }

    public void setRemainingQuota(Long remainingQuota) {
        this.remainingQuota = remainingQuota;
    }

    /** The tracking id sent with the message. */
    public String getTrackingId() {
        return trackingId;
    }

    public void setTrackingId(String trackingId) {
        this.trackingId = trackingId;
    }

    @Override
    public String toString() {
        return "ZnsResult[msgId=" + msgId + ", sentTime=" + sentTime + ", remainingQuota=" + remainingQuota + "/"
               + dailyQuota + ", trackingId=" + trackingId + "]";
    }
}
