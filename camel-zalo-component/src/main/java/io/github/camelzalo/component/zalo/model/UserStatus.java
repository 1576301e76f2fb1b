package io.github.camelzalo.component.zalo.model;

import java.time.LocalDateTime;

/**
 * A customer's state towards the Zalo OA, the result of {@code zalo:userStatus}. Flags the provider left out or
 * sent as {@code null} are {@code false}. Times are the provider's local time (Vietnam, UTC+7), as sent.
 */
public class UserStatus {

    private String userId;
    private String username;
    private String zaloPsid;
    private boolean following;
    private LocalDateTime lastUserActivityTime;
    private boolean canSendConsultationMessage;
    private LocalDateTime consultationMessageExpiredTime;
    private Integer consultationMessageFreeRemain;
    private boolean canSendTransactionMessage;
    private boolean canSendPromotionMessage;
    private boolean canCallZccByPhone;
    private boolean canCallZccByZaloId;
    private boolean canSendZns;

    /** The customer's id at the provider (CareSoft ContactId). */
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    /** The customer's name at the provider. */
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** The customer's Zalo id for this OA (the id {@code zalo:sendImage} takes as {@code CamelZaloUserId}). */
    public String getZaloPsid() {
        return zaloPsid;
    }

    public void setZaloPsid(String zaloPsid) {
        this.zaloPsid = zaloPsid;
    }

    /** Whether the customer follows the OA. */
    public boolean isFollowing() {
        return following;
    }

    public void setFollowing(boolean following) {
        this.following = following;
    }

    /** The customer's last interaction with the OA, or {@code null} when there was none. */
    public LocalDateTime getLastUserActivityTime() {
        return lastUserActivityTime;
    }

    public void setLastUserActivityTime(LocalDateTime lastUserActivityTime) {
        this.lastUserActivityTime = lastUserActivityTime;
    }

    public boolean isCanSendConsultationMessage() {
        return canSendConsultationMessage;
    }

    public void setCanSendConsultationMessage(boolean canSendConsultationMessage) {
        this.canSendConsultationMessage = canSendConsultationMessage;
    }

    /** Until when a consultation message may be sent, or {@code null} when it cannot. */
    public LocalDateTime getConsultationMessageExpiredTime() {
        return consultationMessageExpiredTime;
    }

    public void setConsultationMessageExpiredTime(LocalDateTime consultationMessageExpiredTime) {
        this.consultationMessageExpiredTime = consultationMessageExpiredTime;
    }

    /** How many free consultation messages remain, or {@code null} when the provider did not say. */
    public Integer getConsultationMessageFreeRemain() {
        return consultationMessageFreeRemain;
    }

    public void setConsultationMessageFreeRemain(Integer consultationMessageFreeRemain) {
        this.consultationMessageFreeRemain = consultationMessageFreeRemain;
    }

    public boolean isCanSendTransactionMessage() {
        return canSendTransactionMessage;
    }

    public void setCanSendTransactionMessage(boolean canSendTransactionMessage) {
        this.canSendTransactionMessage = canSendTransactionMessage;
    }

    public boolean isCanSendPromotionMessage() {
        return canSendPromotionMessage;
    }

    public void setCanSendPromotionMessage(boolean canSendPromotionMessage) {
        this.canSendPromotionMessage = canSendPromotionMessage;
    }

    public boolean isCanCallZccByPhone() {
        return canCallZccByPhone;
    }

    public void setCanCallZccByPhone(boolean canCallZccByPhone) {
        this.canCallZccByPhone = canCallZccByPhone;
    }

    public boolean isCanCallZccByZaloId() {
        return canCallZccByZaloId;
    }

    public void setCanCallZccByZaloId(boolean canCallZccByZaloId) {
        this.canCallZccByZaloId = canCallZccByZaloId;
    }

    public boolean isCanSendZns() {
        return canSendZns;
    }

    public void setCanSendZns(boolean canSendZns) {
        this.canSendZns = canSendZns;
    }

    @Override
    public String toString() {
        return "UserStatus[userId=" + userId + ", zaloPsid=" + zaloPsid + ", following=" + following
               + ", lastUserActivityTime=" + lastUserActivityTime
               + ", canSendConsultationMessage=" + canSendConsultationMessage
               + ", consultationMessageExpiredTime=" + consultationMessageExpiredTime
               + ", consultationMessageFreeRemain=" + consultationMessageFreeRemain
               + ", canSendTransactionMessage=" + canSendTransactionMessage
               + ", canSendPromotionMessage=" + canSendPromotionMessage
               + ", canCallZccByPhone=" + canCallZccByPhone + ", canCallZccByZaloId=" + canCallZccByZaloId
               + ", canSendZns=" + canSendZns + "]";
    }
}
