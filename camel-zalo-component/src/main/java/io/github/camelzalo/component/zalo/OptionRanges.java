package io.github.camelzalo.component.zalo;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses option values that make no sense, when the component starts or an endpoint is created, with a message that
 * names the option the way each user writes it: {@code caresoft.rateLimit} in Java and Camel's URIs,
 * {@code camel.component.zalo.caresoft.rate-limit} in Camel Main, Camel JBang and Spring Boot properties. Caught
 * later, such values failed every call, some as retryable timeouts that redelivery then repeated.
 */
final class OptionRanges {

    static final String PROPERTY_PREFIX = "camel.component.zalo.";

    /** What Camel's property binding reads as milliseconds: digits, or a duration such as 30s or 1m30s. */
    private static final Pattern MILLIS = Pattern.compile("-?\\d+|(\\d+(ms|s|m|h|d))+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private OptionRanges() {
    }

    /** {@code caresoft.rateLimit (camel.component.zalo.caresoft.rate-limit)}. */
    static String named(String option) {
        return option + " (" + propertyKey(option) + ")";
    }

    /** The key of a component option in Camel Main and Spring Boot properties: kebab case under the prefix. */
    static String propertyKey(String option) {
        return PROPERTY_PREFIX + option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A component option that must be at least {@code min}; {@code allowed} says so in words. */
    static void atLeast(String option, long value, long min, String allowed) {
        if (value < min) {
            throw new IllegalArgumentException(named(option) + " must be " + allowed + ", but was " + value);
        }
    }

    /** A component option that must be at most {@code max}; {@code allowed} says so in words. */
    static void atMost(String option, long value, long max, String allowed) {
        if (value > max) {
            throw new IllegalArgumentException(named(option) + " must be " + allowed + ", but was " + value);
        }
    }

    /** An endpoint option: set on the URI or, as the default of every endpoint, on the component. */
    static void endpointAtLeast(String option, long value, long min, String allowed) {
        if (value < min) {
            throw new IllegalArgumentException(option + " (on the endpoint URI, or " + propertyKey(option)
                                               + " on the component) must be " + allowed + ", but was " + value);
        }
    }

    /**
     * Camel's binding reads any text it cannot parse as a number of milliseconds as 0 ({@code requestTimeout=abc} is
     * 0 ms); refuse such text on an endpoint URI before it is bound. Only the option's name is shown, not the value.
     */
    static void numericOnTheUri(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (!(p.getValue() instanceof String text)) {
                continue;
            }
            String option = p.getKey();
            boolean millis = option.equalsIgnoreCase("requestTimeout") || option.equalsIgnoreCase("connectTimeout");
            boolean count = option.equalsIgnoreCase("rateLimitRetries");
            if (millis && !MILLIS.matcher(text.strip()).matches()) {
                throw new IllegalArgumentException(option + " on the endpoint URI must be a whole number of"
                                                   + " milliseconds or a duration such as 30s, but is other text");
            }
            if (count && !WHOLE_NUMBER.matcher(text.strip()).matches()) {
                throw new IllegalArgumentException(option + " on the endpoint URI must be a whole number, but is"
                                                   + " other text");
            }
        }
    }
}
