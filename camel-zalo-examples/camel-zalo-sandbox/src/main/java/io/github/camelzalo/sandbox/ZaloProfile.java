package io.github.camelzalo.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * What Zalo's user detail tells about a customer beyond the directory's basics, and two ZNS facts. All optional;
 * {@link #DEFAULT} has none of it.
 *
 * @param alias       the OA's alias for the user ({@code user_alias}), or {@code null}
 * @param avatar      the avatar URL, or {@code null} for a placeholder
 * @param tags        the OA's tags on the user ({@code tags_and_notes_info.tag_names})
 * @param notes       the OA's notes on the user ({@code tags_and_notes_info.notes})
 * @param sharesInfo  whether the user shared their phone number and address with the OA ({@code shared_info})
 * @param address     the shared address, or {@code null}
 * @param city        the shared city, or {@code null}
 * @param district    the shared district, or {@code null}
 * @param znsConsent  whether the user accepts ZNS messages from the OA (else ZNS gets -139)
 * @param admin       whether the user is an admin of the app and OA, so gets ZNS sent in development mode
 */
public record ZaloProfile(String alias, String avatar, List<String> tags, List<String> notes, boolean sharesInfo,
        String address, String city, String district, boolean znsConsent, boolean admin) {

    public static final ZaloProfile DEFAULT = new ZaloProfile(null, null, List.of(), List.of(), false, null, null,
            null, true, false);

    public ZaloProfile {
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    public ZaloProfile withTags(List<String> value) {
        return new ZaloProfile(alias, avatar, value, notes, sharesInfo, address, city, district, znsConsent, admin);
    }

    /** The user shared their phone number (and this address) with the OA. */
    public ZaloProfile withSharedInfo(String sharedAddress, String sharedCity, String sharedDistrict) {
        return new ZaloProfile(alias, avatar, tags, notes, true, sharedAddress, sharedCity, sharedDistrict,
                znsConsent, admin);
    }

    public ZaloProfile withZnsConsent(boolean value) {
        return new ZaloProfile(alias, avatar, tags, notes, sharesInfo, address, city, district, value, admin);
    }

    public ZaloProfile withAdmin(boolean value) {
        return new ZaloProfile(alias, avatar, tags, notes, sharesInfo, address, city, district, znsConsent, value);
    }
}
