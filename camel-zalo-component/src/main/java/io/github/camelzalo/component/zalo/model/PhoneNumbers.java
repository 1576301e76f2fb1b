package io.github.camelzalo.component.zalo.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/**
 * Vietnamese mobile numbers as people write them: {@code 0981234980}, {@code 84981234980},
 * {@code +84 98 123 4980}, with spaces, dots or dashes. Zalo accounts are registered to mobile numbers, so only the
 * mobile ranges of Vietnam's numbering plan ({@link MobileRanges}) are accepted.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    /**
     * A mobile number written out in any shape {@link #toNational} accepts (which drops every space, dot, dash and
     * parenthesis wherever they are: {@code (098) 123-4980}, {@code (+84) 98 123 4980}, {@code 098  123  4980}), not
     * inside a longer run of digits (such as an OA id).
     */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\d*])(?:\\+[\\s.()-]*8[\\s.()-]*4|8[\\s.()-]*4|0)[\\s.()-]*[35789](?:[\\s.()-]*\\d){8}(?![\\d*])");
    private static final String SHAPE = "0 and 9 digits, or 84 or +84 instead of the 0 (spaces, dots, dashes and"
                                        + " parentheses allowed)";

    private PhoneNumbers() {
    }

    /**
     * The national form {@code 0xxxxxxxxx} that CareSoft documents.
     *
     * @throws ZaloValidationException naming {@code field} when the text is not a Vietnamese mobile number; the
     *                                 message says what is wrong without repeating the number (it is personal data
     *                                 and exception messages end up in logs)
     */
    public static String toNational(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
        if (raw.length() == 10 && raw.charAt(0) == '0' && Checks.isAsciiDigits(raw) && MobileRanges.isMobile(raw)) {
            // already the form CareSoft documents, the usual case: no need for the regular expression below
            return raw;
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String digits = compact.startsWith("+") ? compact.substring(1) : compact;
        int notDigits = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                notDigits++;
            }
        }
        if (notDigits > 0) {
            String what = notDigits == 1 ? " character that is not" : " characters that are not";
            throw new ZaloValidationException(field,
                    "must be a Vietnamese mobile number, " + SHAPE + ", but contains " + notDigits + what + " a digit 0-9");
        }
        String national;
        if (compact.startsWith("+84") && compact.length() == 12) {
            national = "0" + compact.substring(3);
        } else if (compact.startsWith("84") && compact.length() == 11) {
            national = "0" + compact.substring(2);
        } else if (compact.startsWith("0") && compact.length() == 10) {
            national = compact;
        } else {
            throw new ZaloValidationException(field, "must be a Vietnamese mobile number, " + SHAPE + ", but "
                                                     + shapeOf(compact));
        }
        if (!MobileRanges.isMobile(national)) {
            throw new ZaloValidationException(field, "must be a Vietnamese mobile number, but numbers starting "
                                                     + MobileRanges.nonMobileStart(national)
                                                     + " are not in a mobile range of Vietnam's numbering plan");
        }
        return national;
    }

    /** What is wrong with the shape of a number of ASCII digits (after an optional +), in words. */
    private static String shapeOf(String compact) {
        if (compact.startsWith("+84")) {
            return "has +84 and " + (compact.length() - 3) + " digits";
        }
        if (compact.startsWith("+")) {
            return "has another country code";
        }
        if (compact.startsWith("0")) {
            return "has 0 and " + (compact.length() - 1) + " digits";
        }
        if (compact.startsWith("84")) {
            return "has 84 and " + (compact.length() - 2) + " digits";
        }
        return "begins with neither 0 nor 84";
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
