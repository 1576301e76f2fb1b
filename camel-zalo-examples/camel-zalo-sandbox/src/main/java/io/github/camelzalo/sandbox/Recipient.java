package io.github.camelzalo.sandbox;

import java.util.Optional;

/** How a request names its customer: CareSoft by phone or contact id, eTelecom by Zalo id. */
record Recipient(String how, String value) {

    static Recipient byPhone(String phone) {
        return new Recipient("phone", phone);
    }

    static Recipient byContactId(String contactId) {
        return new Recipient("contact", contactId);
    }

    static Recipient byZaloId(String zaloId) {
        return new Recipient("zalo", zaloId);
    }

    Optional<Customer> find(CustomerDirectory directory) {
        return switch (how) {
            case "phone" -> directory.find(value);
            case "contact" -> directory.findByContactId(value);
            default -> directory.findByZaloId(value);
        };
    }

    /** For a "not found" message; phone numbers masked. */
    String describe() {
        return switch (how) {
            case "phone" -> "phone number " + PhoneNumbers.mask(PhoneNumbers.toNational(value));
            case "contact" -> "contact id " + value;
            default -> "Zalo user id " + value;
        };
    }
}
