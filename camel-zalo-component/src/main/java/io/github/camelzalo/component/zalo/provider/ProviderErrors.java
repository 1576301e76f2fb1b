package io.github.camelzalo.component.zalo.provider;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** What the providers' error answers share: the meaning of an HTTP status, Retry-After, a readable excerpt. */
public final class ProviderErrors {

    private static final int EXCERPT_LENGTH = 200;

    private ProviderErrors() {
    }

    /** The kind of failure an HTTP status means when the body says nothing more precise. */
    public static ZaloErrorKind kindOf(int status) {
        if (status == 401 || status == 403) {
            return ZaloErrorKind.UNAUTHORIZED;
        }
        if (status == 429) {
            return ZaloErrorKind.RATE_LIMITED;
        }
        if (status == 503) {
            return ZaloErrorKind.UNAVAILABLE;
        }
        if (status >= 500) {
            return ZaloErrorKind.SERVER_ERROR;
        }
        if (status >= 400) {
            return ZaloErrorKind.REJECTED;
        }
        if (status >= 300) {
            // redirects are not followed (they could carry the API key elsewhere): the base URL needs fixing
            return ZaloErrorKind.REJECTED;
        }
        return ZaloErrorKind.BAD_RESPONSE;
    }

    /**
     * The {@code Retry-After} header in seconds or as an HTTP date, at most
     * {@link ZaloApiException#MAX_RETRY_AFTER} (a provider may send any number, even one no {@code long} holds),
     * or {@code null} when there is none or it cannot be read.
     */
    public static Duration retryAfter(HttpReply reply) {
        String value = reply.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (isDigits(v)) {
            // a number too long for a long is a wait too long to honour
            long seconds = v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v);
            return seconds > ZaloApiException.MAX_RETRY_AFTER.toSeconds() ? ZaloApiException.MAX_RETRY_AFTER
                    : Duration.ofSeconds(seconds);
        }
        try {
            Duration d = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return d.isNegative() ? Duration.ZERO
                    : d.compareTo(ZaloApiException.MAX_RETRY_AFTER) > 0 ? ZaloApiException.MAX_RETRY_AFTER : d;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** A failure for an answer whose body is not the provider's JSON (an HTML error page, an empty body). */
    public static ProviderFailure unreadable(HttpReply reply) {
        String message = reply.status() >= 300 && reply.status() < 400
                ? "Redirected to " + reply.header("Location") + ", which is not followed: check the baseUrl"
                : excerpt(reply);
        return failure(kindOf(reply.status()), reply, null, message);
    }

    /** A failure of the given kind, with the answer's {@code Retry-After} where the kind makes it meaningful. */
    public static ProviderFailure failure(ZaloErrorKind kind, HttpReply reply, String code, String message) {
        boolean waitMeansSomething = kind == ZaloErrorKind.RATE_LIMITED || kind == ZaloErrorKind.UNAVAILABLE;
        return new ProviderFailure(kind, reply.status(), code, message, waitMeansSomething ? retryAfter(reply) : null);
    }

    /** The start of the body, on one line, for an exception message: {@code "(empty body)"} when there is none. */
    public static String excerpt(HttpReply reply) {
        if (reply.body().length == 0) {
            return "(empty body)";
        }
        String text = reply.bodyAsString().replaceAll("\\p{Cntrl}+", " ").strip();
        String contentType = reply.header("Content-Type");
        String prefix = "Not the provider's JSON" + (contentType != null ? " (" + contentType + ")" : "") + ": ";
        return prefix + (text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text);
    }
}
