package io.github.camelzalo.component.zalo.model;

/** The quota that paid for an image consultation message, as eTelecom reports it. */
public class Quota {

    private String quotaType;
    private Long remain;
    private Long total;
    private String expiredDate;
    private String ownerId;
    private String ownerType;

    /**
     * Which quota paid: {@code reply} (the 8 free replies within 48 hours of the user's last message),
     * {@code sub_quota} (the package's free quota), {@code purchase_quota} or {@code reward_quota}.
     */
    public String getQuotaType() {
        return quotaType;
    }

    public void setQuotaType(String quotaType) {
        this.quotaType = quotaType;
    }

    /** Free sends left in that quota, or {@code null} when the provider sent no number. */
    public Long getRemain() {
        return remain;
    }

    public void setRemain(Long remain) {
        this.remain = remain;
    }

    /** The quota's total free sends, or {@code null} when the provider sent no number. */
    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    /** When the package's free quota expires, as the provider wrote it. */
    public String getExpiredDate() {
        return expiredDate;
    }

    public void setExpiredDate(String expiredDate) {
        this.expiredDate = expiredDate;
    }

    /** The quota's owner: an OA id or an App id. */
    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    /** {@code OA} or {@code App}. */
    public String getOwnerType() {
        return ownerType;
    }

    public void setOwnerType(String ownerType) {
        this.ownerType = ownerType;
    }

    @Override
    public String toString() {
        return "Quota[quotaType=" + quotaType + ", remain=" + remain + ", total=" + total + ", expiredDate="
               + expiredDate + ", ownerId=" + ownerId + ", ownerType=" + ownerType + "]";
    }
}
