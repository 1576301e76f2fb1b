package io.github.camelzalo.component.zalo.model;

/** The OA's ZNS quota today ({@code zalo:znsQuota}). */
public class ZnsQuota {

    private Long dailyQuota;
    private Long remainingQuota;

    public Long getDailyQuota() {
        return dailyQuota;
    }

    public void setDailyQuota(Long dailyQuota) {
        this.dailyQuota = dailyQuota;
    }

    public Long getRemainingQuota() {
        return remainingQuota;
    }

    public void setRemainingQuota(Long remainingQuota) {
        this.remainingQuota = remainingQuota;
    }

    @Override
    public String toString() {
        return "ZnsQuota[remainingQuota=" + remainingQuota + "/" + dailyQuota + "]";
    }
}
