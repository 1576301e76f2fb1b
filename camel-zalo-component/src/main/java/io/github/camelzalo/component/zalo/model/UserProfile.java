package io.github.camelzalo.component.zalo.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A Zalo user as the OA sees them ({@code zalo:userProfile}). The phone number, name and address are there only
 * when the user shared them with the OA.
 */
public class UserProfile {

    private String userId;
    private String userIdByApp;
    private String displayName;
    private String userAlias;
    private String avatar;
    private boolean follower;
    private LocalDate lastInteractionDate;
    private List<String> tagNames = List.of();
    private List<String> notes = List.of();
    private SharedInfo sharedInfo;

    /** The user's id at the OA: what {@code CamelZaloUserId} takes. */
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    /** The user's id at the app, the same for every OA of the app. */
    public String getUserIdByApp() {
        return userIdByApp;
    }

    public void setUserIdByApp(String userIdByApp) {
        this.userIdByApp = userIdByApp;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The name the OA gave the user, if any. */
    public String getUserAlias() {
        return userAlias;
    }

    public void setUserAlias(String userAlias) {
        this.userAlias = userAlias;
    }

    /** The URL of the user's picture. */
    public String getAvatar() {
        return avatar;
    }

    public void setAvatar(String avatar) {
        this.avatar = avatar;
    }

    public boolean isFollower() {
        return follower;
    }

    public void setFollower(boolean follower) {
        this.follower = follower;
    }

    /** The day of the user's last interaction with the OA, or {@code null}. */
    public LocalDate getLastInteractionDate() {
        return lastInteractionDate;
    }

    public void setLastInteractionDate(LocalDate lastInteractionDate) {
        this.lastInteractionDate = lastInteractionDate;
    }

    public List<String> getTagNames() {
        return tagNames;
    }

    public void setTagNames(List<String> tagNames) {
        this.tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
    }

    public List<String> getNotes() {
        return notes;
    }

    public void setNotes(List<String> notes) {
        this.notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** What the user shared with the OA, or {@code null} when nothing. */
    public SharedInfo getSharedInfo() {
        return sharedInfo;
    }

    public void setSharedInfo(SharedInfo sharedInfo) {
        this.sharedInfo = sharedInfo;
    }

    @Override
    public String toString() {
        return "UserProfile[userId=" + userId + ", follower=" + follower + ", lastInteractionDate="
               + lastInteractionDate + ", tags=" + tagNames.size() + ", sharedInfo="
               + (sharedInfo == null ? "none" : sharedInfo) + "]";
    }

    /** The contact details a user shared with the OA. */
    public static class SharedInfo {
        private String name;
        private String phone;
        private String address;
        private String city;
        private String district;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        /** The phone number as Zalo wrote it (usually {@code 84…}). */
        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }

        @Override
        public String toString() {
            return "SharedInfo[phone=" + PhoneNumbers.mask(phone) + ", city=" + city + "]";
        }
    }
}
