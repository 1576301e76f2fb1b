package io.github.camelzalo.component.zalo.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/**
 * Vietnamese mobile numbers as people write them: {@code 0981234980}, {@code 84981234980},
 * {@code +84 98 123 4980}, with spaces, dots or dashes. Zalo accounts are registered to mobile numbers, so only
 * mobile ranges (03x, 05x, 07x, 08x, 09x) are accepted.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern NATIONAL = Pattern.compile("0[35789]\\d{8}");
    /**
     * A mobile number written out in any shape {@link #toNational} accepts (which drops every space, dot, dash and
     * parenthesis wherever they are: {@code (098) 123-4980}, {@code (+84) 98 123 4980}, {@code 098  123  4980}), not
     * inside a longer run of digits (such as an OA id).
     */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\d*])(?:\\+[\\s.()-]*8[\\s.()-]*4|8[\\s.()-]*4|0)[\\s.()-]*[35789](?:[\\s.()-]*\\d){8}(?![\\d*])");

    private PhoneNumbers() {
    }

    /**
     * The national form {@code 0xxxxxxxxx} that CareSoft documents.
     *
     * @throws ZaloValidationException naming {@code field} when the text is not a Vietnamese mobile number
     */
    public static String toNational(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        if (isNational(raw)) {
            // already the form CareSoft documents, the usual case: no need for the regular expressions below
            return raw;
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
        if (!NATIONAL.matcher(national).matches()) {
            throw new ZaloValidationException(field,
                    // no example number here: it would read as a customer's number in every log that shows this
                    "must be a Vietnamese mobile number: 0 and 9 digits in the 03, 05, 07, 08 or 09 ranges, or 84"
                    + " or +84 instead of the 0 (spaces, dots and dashes allowed), but was "
                                                     + mask(raw));
        }
        return national;
    }

    /** What {@link #NATIONAL} matches, checked by hand. */
    private static boolean isNational(String text) {
        if (text.length() != 10 || text.charAt(0) != '0') {
            return false;
        }
        char range = text.charAt(1);
        if (range != '3' && range != '5' && range != '7' && range != '8' && range != '9') {
            return false;
        }
        return Checks.isAsciiDigits(text);
    }

    /**
     * Masks every Vietnamese mobile number written out in a text (any accepted shape, not inside a longer run of
     * digits), e.g. a provider's error message that echoes the request: {@code "Số 0981234980 sai"} becomes
     * {@code "Số 098****980 sai"}, and {@code "(098) 123-4980"} becomes {@code "(098****980"}.
     */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = IN_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** The international form {@code 84xxxxxxxxx} of a national number. */
    public static String toInternational(String national) {
        return "84" + national.substring(1);
    }

    /**
     * Masks a phone number the way the providers' documents do ({@code 098****980}): the first three and last
     * three digits stay, every other digit becomes {@code *}. Text with fewer than seven digits is fully masked.
     */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 3);
    }
}
