package io.github.camelzalo.component.zalo;

/**
 * The exchange does not describe a valid request: a recipient, content or id is missing, doubled or malformed.
 * Thrown before anything is sent, so no request reached the provider. Never retryable: the same input fails again.
 */
public class ZaloValidationException extends ZaloException {

    private final String field;
    private final String rule;

    public ZaloValidationException(String field, String rule) {
        super("Invalid Zalo request: " + field + " " + rule, null);
        this.field = field;
        this.rule = rule;
    }

    /** The field at fault, by its header or property name, e.g. {@code CamelZaloPhoneNo} or {@code message}. */
    public String getField() {
        return field;
    }

    /** The rule the field broke, in words, e.g. {@code "must not be longer than 1000 characters"}. */
    public String getRule() {
        return rule;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
