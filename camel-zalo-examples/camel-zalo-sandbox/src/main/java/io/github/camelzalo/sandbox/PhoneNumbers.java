package io.github.camelzalo.sandbox;

import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers in the forms the providers see: {@code 0981234980} (CareSoft, and what the
 * {@code zalo:} component sends), {@code 84981234980} and {@code +84 98 123 4980}. The directory keys customers by
 * the national form.
 */
final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern NATIONAL = Pattern.compile("0[35789]\\d{8}");

    private PhoneNumbers() {
    }

    /** The national form {@code 0xxxxxxxxx}, or {@code null} when the text is not a Vietnamese mobile number. */
    static String toNational(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String national;
        if (compact.startsWith("+84")) {
            national = "0" + compact.substring(3);
        } else if (compact.startsWith("84") && compact.length() == 11) {
            national = "0" + compact.substring(2);
        } else {
            national = compact;
        }
        return NATIONAL.matcher(national).matches() ? national : null;
    }

    /** {@code 098****980}, the way the providers' documents mask numbers. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
    }
}
