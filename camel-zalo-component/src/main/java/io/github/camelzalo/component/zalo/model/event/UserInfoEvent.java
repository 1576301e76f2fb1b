package io.github.camelzalo.component.zalo.model.event;

import io.github.camelzalo.component.zalo.model.PhoneNumbers;

/**
 * A user answered the OA's request for their details ({@code user_submit_info}). Only what the user chose to share is
 * there. {@link #toString()} masks the phone number and leaves out the rest.
 */
public class UserInfoEvent extends ZaloEvent {

    private String name;
    private String phone;
    private String address;
    private String city;
    private String district;
    private String ward;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The phone number as the user gave it. */
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

    public String getWard() {
        return ward;
    }

    public void setWard(String ward) {
        this.ward = ward;
    }

    @Override
    public String toString() {
        String base = super.toString();
        return base.substring(0, base.length() - 1) + ", phone " + (phone == null ? null : PhoneNumbers.mask(phone))
               + "]";
    }
}
