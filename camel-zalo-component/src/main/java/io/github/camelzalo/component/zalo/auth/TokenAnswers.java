package io.github.camelzalo.component.zalo.auth;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * Reads what Zalo's token endpoint answered. Zalo answers errors with HTTP 200 and
 * {@code {"error":-14014,"error_name":…,"error_description":…}}, {@code error} sometimes quoted; it has been seen
 * to answer a used-up refresh token with an empty body, and {@code expires_in} comes as a number or a string.
 */
final class TokenAnswers {

    /** Zalo documents 25 hours for an access token. */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(90_000);

    private TokenAnswers() {
    }

    /**
     * @param  refreshing whether the request spent a refresh token (an empty answer then means it was used up)
     * @throws TokenRefusedException when Zalo said no
     * @throws IllegalStateException when the answer is no token answer at all
     */
    static TokenGrant read(HttpReply reply, boolean refreshing) {
        if (reply.body().length == 0 || reply.bodyAsString().isBlank()) {
            if (reply.isSuccess()) {
                // seen from Zalo for a refresh token that was already used
                throw new TokenRefusedException(refreshing ? TokenRefusedException.Reason.GRANT_DEAD
                        : TokenRefusedException.Reason.OTHER, null, "an empty answer to a "
                                                                    + (refreshing ? "refresh" : "code exchange"));
            }
            throw new IllegalStateException("Zalo's token endpoint answered HTTP " + reply.status() + " with no body");
        }
        JsonNode json;
        try {
            json = ProviderJson.MAPPER.readTree(reply.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new IllegalStateException("Zalo's token endpoint answered HTTP " + reply.status()
                                            + " with something that is not a JSON object");
        }
        Integer error = code(json.get("error"));
        if (error != null && error != 0) {
            String description = firstText(json, "error_description", "error_name", "message");
            throw new TokenRefusedException(reason(error), String.valueOf(error), description);
        }
        String access = text(json, "access_token");
        if (access == null || access.isBlank()) {
            if (!reply.isSuccess()) {
                throw new IllegalStateException("Zalo's token endpoint answered HTTP " + reply.status());
            }
            throw new TokenRefusedException(refreshing ? TokenRefusedException.Reason.GRANT_DEAD
                    : TokenRefusedException.Reason.OTHER, null, "an answer without an access token");
        }
        String refresh = text(json, "refresh_token");
        return new TokenGrant(access.strip(), refresh == null || refresh.isBlank() ? null : refresh.strip(),
                lifetime(json.get("expires_in")));
    }

    /** -14014 invalid refresh token and -14005 invalid code mean only a new consent helps. */
    static TokenRefusedException.Reason reason(int error) {
        return switch (error) {
            case -14014, -14005 -> TokenRefusedException.Reason.GRANT_DEAD;
            case -14002, -14004 -> TokenRefusedException.Reason.APP_CREDENTIALS;
            default -> TokenRefusedException.Reason.OTHER;
        };
    }

    private static Duration lifetime(JsonNode expiresIn) {
        if (expiresIn == null || expiresIn.isNull()) {
            return DEFAULT_LIFETIME;
        }
        try {
            long seconds = expiresIn.isNumber() ? expiresIn.asLong() : Long.parseLong(expiresIn.asText().strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME;
        }
    }

    private static Integer code(JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isIntegralNumber()) {
            return error.intValue();
        }
        try {
            return Integer.valueOf(error.asText().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String firstText(JsonNode json, String... fields) {
        for (String f : fields) {
            String v = text(json, f);
            if (v != null && !v.isBlank()) {
                // Zalo's words: bounded and on one line, they go into exception messages
                String oneLine = v.replaceAll("\\p{Cntrl}+", " ").strip();
                return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
            }
        }
        return null;
    }
}
