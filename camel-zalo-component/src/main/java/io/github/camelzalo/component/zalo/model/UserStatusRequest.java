package io.github.camelzalo.component.zalo.model;

import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.PHONE_NO;

/**
 * Ask whether a phone number is on Zalo, follows the OA and may be messaged now. Validated when built; may be
 * the body of an exchange sent to {@code zalo:userStatus}.
 */
public final class UserStatusRequest {

    private final String phoneNo;
    private final String oaId;

    private UserStatusRequest(Builder b) {
        this.phoneNo = PhoneNumbers.toNational(b.phoneNo, PHONE_NO);
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The phone number in national form, {@code 0xxxxxxxxx}. */
    public String getPhoneNo() {
        return phoneNo;
    }

    /** The OA id, or {@code null} to let the provider use the account's OA. */
    public String getOaId() {
        return oaId;
    }

    /** A copy with the OA id filled in when this request has none. */
    public UserStatusRequest withDefaultOaId(String defaultOaId) {
        return oaId != null || defaultOaId == null ? this : builder().phoneNo(phoneNo).oaId(defaultOaId).build();
    }

    @Override
    public String toString() {
        return "UserStatusRequest[phoneNo=" + PhoneNumbers.mask(phoneNo) + ", oaId=" + oaId + "]";
    }

    public static final class Builder {
        private String phoneNo;
        private String oaId;

        public Builder phoneNo(String phoneNo) {
            this.phoneNo = phoneNo;
            return this;
        }

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        /** @throws io.github.camelzalo.component.zalo.ZaloValidationException when a field breaks a rule */
        public UserStatusRequest build() {
            return new UserStatusRequest(this);
        }
    }
}
