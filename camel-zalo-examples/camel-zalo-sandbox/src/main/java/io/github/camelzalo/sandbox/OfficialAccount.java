package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * A Zalo Official Account the sandbox serves ({@code oa_id}): its name, the secret key Zalo signs its webhook
 * events with, and its service package: {@code sub_quota} free consultation messages, used once a user's 8 free
 * replies are spent. Change the remaining quota to set up a scenario, e.g.
 * {@code sandbox.oa().setSubQuotaRemaining(0)} for "out of quota".
 */
public final class OfficialAccount {

    private final String oaId;
    private final String name;
    private final String secretKey;
    private final int subQuotaTotal;
    private final Instant packageExpiry;
    private int subQuotaRemaining;

    OfficialAccount(String oaId, String name, String secretKey, int subQuotaTotal, Instant packageExpiry) {
        this.oaId = oaId;
        this.name = name;
        this.secretKey = secretKey;
        this.subQuotaTotal = subQuotaTotal;
        this.subQuotaRemaining = subQuotaTotal;
        this.packageExpiry = packageExpiry;
    }

    public String oaId() {
        return oaId;
    }

    /** The OA's display name ({@code name} of {@code getoa}). */
    public String name() {
        return name;
    }

    /** The OA secret key: the key of the webhook signature ({@code X-ZEvent-Signature}). */
    public String secretKey() {
        return secretKey;
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

    @Override
    public String toString() {
        return "OfficialAccount[" + oaId + ", " + name + "]";
    }
}
