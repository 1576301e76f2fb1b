package io.github.camelzalo.component.zalo.model;

/**
 * The mobile ranges of Vietnam's numbering plan, as the national significant number (the 9 digits after the 0)
 * begins. Zalo accounts belong to mobile numbers, so only these are sent.
 * <p>
 * The list is Google's libphonenumber's (version 9.0.43), which tracks the plan of Vietnam's Ministry of Information
 * and Communications. It is kept here as a table, not as a dependency, so that the component stays small:
 * {@code MobileRangesTest} walks every prefix, down to five digits, and fails when this table and libphonenumber's
 * {@code MOBILE} type disagree; when the plan changes, a newer libphonenumber makes it fail and says where.
 * Three-digit ranges that are only partly mobile are listed by their mobile sub-ranges (052: 0522, 0523, 0528).
 */
final class MobileRanges {

    /** National significant number prefixes (after the 0) of the mobile ranges. */
    static final String[] PREFIXES = {
            "1210", "1211", "1212", "1213", "140", "160",
            "3",
            "51", "522", "523", "528", "559", "56", "58", "59",
            "70", "76", "77", "78", "79",
            "81", "82", "83", "84", "85", "86", "87", "88", "896", "897", "898", "899",
            "90", "91", "92", "93", "94", "95", "96", "97", "98",
            "990", "991", "993", "994", "995", "996", "997", "998", "999" };

    /** How many digits of the national significant number decide the range: the longest prefix above. */
    static final int DECIDING_DIGITS = 4;

    /** Indexed by the first four digits of the national significant number. */
    private static final boolean[] MOBILE = new boolean[10_000];

    static {
        for (String prefix : PREFIXES) {
            int free = DECIDING_DIGITS - prefix.length();
            int first = Integer.parseInt(prefix) * (int) Math.pow(10, free);
            int count = (int) Math.pow(10, free);
            for (int i = first; i < first + count; i++) {
                MOBILE[i] = true;
            }
        }
    }

    private MobileRanges() {
    }

    /** Whether {@code national}, {@code 0} and 9 ASCII digits, lies in a mobile range. */
    static boolean isMobile(String national) {
        int index = 0;
        for (int i = 1; i <= DECIDING_DIGITS; i++) {
            index = index * 10 + (national.charAt(i) - '0');
        }
        return MOBILE[index];
    }

    /**
     * The shortest beginning of {@code national} (with its 0) that no mobile range starts with, e.g. {@code 050} for
     * {@code 0501234567} or {@code 0524} for {@code 0524123456}: what to tell the user, without the rest of the number.
     */
    static String nonMobileStart(String national) {
        String nsn = national.substring(1);
        for (int length = 1; length < DECIDING_DIGITS; length++) {
            String start = nsn.substring(0, length);
            boolean someRangeStartsSo = false;
            for (String prefix : PREFIXES) {
                if (prefix.startsWith(start) || start.startsWith(prefix)) {
                    someRangeStartsSo = true;
                    break;
                }
            }
            if (!someRangeStartsSo) {
                return "0" + start;
            }
        }
        return "0" + nsn.substring(0, DECIDING_DIGITS);
    }
}
