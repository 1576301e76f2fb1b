package io.github.camelzalo.component.zalo.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** What the providers' error answers share: the meaning of an HTTP status, Retry-After, redirects, unreadable bodies. */
public final class ProviderErrors {

    /**
     * How much of an answer that is not the provider's JSON is kept for its excerpt. Far more than the excerpt
     * shows, so that a secret that starts inside the excerpt is whole here and can be redacted before the cut.
     */
    private static final int BODY_KEPT = 8 * 1024;

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
            // redirects are not followed (see notRedirected): the base URL needs fixing
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

    /**
     * The answer itself, unless it is a redirect: redirects are not followed (they could carry the API key
     * elsewhere), whatever the body says, and the route is told where it pointed.
     */
    public static HttpReply notRedirected(HttpReply reply) {
        if (reply.status() >= 300 && reply.status() < 400) {
            throw failure(ZaloErrorKind.REJECTED, reply, null,
                    "Redirected to " + reply.header("Location") + ", which is not followed: check the baseUrl");
        }
        return reply;
    }

    /** A failure for an answer whose body is not the provider's JSON (an HTML error page, an empty body). */
    public static ProviderFailure unreadable(HttpReply reply) {
        ZaloErrorKind kind = kindOf(reply.status());
        if (reply.body().length == 0) {
            return failure(kind, reply, null, "(empty body)");
        }
        String contentType = reply.header("Content-Type");
        // at most 4 bytes a character: enough bytes for BODY_KEPT characters, without decoding a megabyte
        String text = new String(reply.body(), 0, Math.min(reply.body().length, BODY_KEPT * 4),
                StandardCharsets.UTF_8);
        String kept = text.length() > BODY_KEPT ? text.substring(0, BODY_KEPT) : text;
        return new ProviderFailure(kind, reply.status(), null,
                "Not the provider's JSON" + (contentType != null ? " (" + contentType + ")" : ""),
                waitMeansSomething(kind) ? retryAfter(reply) : null, kept);
    }

    /** A failure for JSON that has a field twice: it says two things at once, so it is read as neither. */
    public static ProviderFailure duplicateField(HttpReply reply, String detail) {
        ZaloErrorKind kind = kindOf(reply.status());
        return failure(kind, reply, null, "The answer has a field twice (" + detail + "), so it is not read");
    }

    /** A failure of the given kind, with the answer's {@code Retry-After} where the kind makes it meaningful. */
    public static ProviderFailure failure(ZaloErrorKind kind, HttpReply reply, String code, String message) {
        return new ProviderFailure(kind, reply.status(), code, message,
                waitMeansSomething(kind) ? retryAfter(reply) : null);
    }

    private static boolean waitMeansSomething(ZaloErrorKind kind) {
        return kind == ZaloErrorKind.RATE_LIMITED || kind == ZaloErrorKind.UNAVAILABLE;
    }
}
