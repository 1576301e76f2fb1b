package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One customer in the sandbox's {@link CustomerDirectory}: a CareSoft contact and, when {@code zaloId} is set, a
 * Zalo user of the OA. Immutable; the directory replaces it as its state changes.
 *
 * @param phone           the mobile number in national form {@code 0xxxxxxxxx} (the directory key)
 * @param contactId       the CareSoft contact id ({@code user_id} on CareSoft's wire)
 * @param zaloId          the Zalo user id for the OA ({@code zalo_psid}, eTelecom's {@code recipient.user_id}), or
 *                        {@code null} when the number has no Zalo account the OA can see
 * @param name            the name CareSoft shows ({@code username})
 * @param following       whether the user follows the OA
 * @param lastInteraction the user's last message to the OA, or {@code null} when there never was one
 * @param repliesUsed     free {@code reply} messages the OA has sent since that last message (0 to 8)
 * @param profile         tags, shared info, ZNS consent … as Zalo's user detail and ZNS see them
 */
public record Customer(String phone, String contactId, String zaloId, String name, boolean following,
        Instant lastInteraction, int repliesUsed, ZaloProfile profile) {

    public Customer {
        String national = PhoneNumbers.toNational(phone);
        if (national == null) {
            throw new IllegalArgumentException("Not a Vietnamese mobile number: " + phone);
        }
        phone = national;
        Objects.requireNonNull(contactId, "contactId");
        if (!contactId.matches("\\d{1,32}")) {
            throw new IllegalArgumentException("The CareSoft contact id must be numeric: " + contactId);
        }
        if (zaloId != null && zaloId.isBlank()) {
            zaloId = null;
        }
        if (zaloId != null && !zaloId.matches("\\d{1,32}")) {
            throw new IllegalArgumentException("The Zalo id must be numeric: " + zaloId);
        }
        if (repliesUsed < 0) {
            throw new IllegalArgumentException("repliesUsed must not be negative");
        }
        profile = profile == null ? ZaloProfile.DEFAULT : profile;
    }

    /** A customer with the {@link ZaloProfile#DEFAULT default profile}. */
    public Customer(String phone, String contactId, String zaloId, String name, boolean following,
                    Instant lastInteraction, int repliesUsed) {
        this(phone, contactId, zaloId, name, following, lastInteraction, repliesUsed, ZaloProfile.DEFAULT);
    }

    /** A Zalo user who follows the OA and wrote to it at {@code lastInteraction}. */
    public static Customer follower(String phone, String contactId, String zaloId, String name,
                                    Instant lastInteraction) {
        return new Customer(phone, contactId, zaloId, name, true, lastInteraction, 0);
    }

    /** Whether the number has a Zalo account the OA can reach. */
    public boolean onZalo() {
        return zaloId != null;
    }

    /** The state after the user wrote to the OA at {@code time}: the windows restart, the free replies too. */
    public Customer withUserMessageAt(Instant time) {
        return new Customer(phone, contactId, zaloId, name, following, time, 0, profile);
    }

    public Customer withFollowing(boolean value) {
        return new Customer(phone, contactId, zaloId, name, value, lastInteraction, repliesUsed, profile);
    }

    public Customer withLastInteraction(Instant time) {
        return new Customer(phone, contactId, zaloId, name, following, time, repliesUsed, profile);
    }

    public Customer withRepliesUsed(int count) {
        return new Customer(phone, contactId, zaloId, name, following, lastInteraction, count, profile);
    }

    public Customer withProfile(ZaloProfile value) {
        return new Customer(phone, contactId, zaloId, name, following, lastInteraction, repliesUsed, value);
    }

    @Override
    public String toString() {
        return "Customer[" + PhoneNumbers.mask(phone) + ", contact " + contactId + ", zalo " + zaloId + ", " + name
               + (following ? ", follows" : ", does not follow") + ", last interaction " + lastInteraction
               + ", replies used " + repliesUsed + "]";
    }
}
