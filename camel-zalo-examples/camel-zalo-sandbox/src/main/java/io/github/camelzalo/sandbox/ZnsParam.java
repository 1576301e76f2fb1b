package io.github.camelzalo.sandbox;

import java.util.Objects;

/**
 * One parameter of a ZNS template, as {@code template/info}'s {@code listParams} describes it.
 *
 * @param name       the key in {@code template_data}
 * @param require    whether a send must give it
 * @param type       {@code STRING}, {@code NUMBER} (digits, optionally a sign and one decimal point) or {@code DATE}
 *                   ({@code dd/MM/yyyy})
 * @param maxLength  the longest value, in characters
 * @param minLength  the shortest value, in characters
 * @param acceptNull whether an empty value is accepted for a required parameter
 */
public record ZnsParam(String name, boolean require, String type, int maxLength, int minLength, boolean acceptNull) {

    public static final String STRING = "STRING";
    public static final String NUMBER = "NUMBER";
    public static final String DATE = "DATE";

    public ZnsParam {
        Objects.requireNonNull(name, "name");
        if (!type.equals(STRING) && !type.equals(NUMBER) && !type.equals(DATE)) {
            throw new IllegalArgumentException("A ZNS parameter's type is STRING, NUMBER or DATE: " + type);
        }
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException("A ZNS parameter needs 0 <= minLength <= maxLength");
        }
    }

    /** A required text of at most {@code maxLength} characters. */
    public static ZnsParam text(String name, int maxLength) {
        return new ZnsParam(name, true, STRING, maxLength, 0, false);
    }

    /** A required number of at most {@code maxLength} characters. */
    public static ZnsParam number(String name, int maxLength) {
        return new ZnsParam(name, true, NUMBER, maxLength, 0, false);
    }

    /** A required date, {@code dd/MM/yyyy}. */
    public static ZnsParam date(String name) {
        return new ZnsParam(name, true, DATE, 10, 10, false);
    }

    /** The same parameter, optional. */
    public ZnsParam optional() {
        return new ZnsParam(name, false, type, maxLength, minLength, acceptNull);
    }
}
