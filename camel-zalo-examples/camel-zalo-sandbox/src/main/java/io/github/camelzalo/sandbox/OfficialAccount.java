package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * The one Zalo Official Account the sandbox serves ({@code oa_id}) and its service package: {@code sub_quota}
 * free consultation messages, used once a user's 8 free replies are spent. Change the remaining quota to set up
 * a scenario, e.g. {@code sandbox.oa().setSubQuotaRemaining(0)} for "out of quota".
 */
public final class OfficialAccount {

    private final String oaId;
    private final int subQuotaTotal;
    private final Instant packageExpiry;
    private int subQuotaRemaining;

    OfficialAccount(String oaId, int subQuotaTotal, Instant packageExpiry) {
        this.oaId = oaId;
        this.subQuotaTotal = subQuotaTotal;
        this.subQuotaRemaining = subQuotaTotal;
        this.packageExpiry = packageExpiry;
    }

    public String oaId() {
        return oaId;
    }

    /** The package's consultation quota ({@code quota.total} of a {@code sub_quota} send). */
    public int subQuotaTotal() {
        return subQuotaTotal;
    }

    /** What is left of it. */
    public synchronized int subQuotaRemaining() {
        return subQuotaRemaining;
    }

    public synchronized void setSubQuotaRemaining(int remaining) {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative");
        }
        this.subQuotaRemaining = remaining;
    }

    /** Takes one message from the package; {@code false} when none is left. */
    synchronized boolean takeSubQuota() {
        if (subQuotaRemaining == 0) {
            return false;
        }
        subQuotaRemaining--;
        return true;
    }

    /** When the package ends ({@code quota.expired_date} of a {@code sub_quota} send). Informational only. */
    public Instant packageExpiry() {
        return packageExpiry;
    }
}
