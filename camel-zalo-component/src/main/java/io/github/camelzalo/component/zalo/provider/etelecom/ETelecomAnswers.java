package io.github.camelzalo.component.zalo.provider.etelecom;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.provider.ProviderErrors;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * eTelecom speaks Twirp: a success is HTTP 200 with the result object, an error is HTTP 4xx/5xx with
 * {@code {"code":"invalid_argument","msg":…}}. The Twirp code is more precise than the status, so it wins.
 */
final class ETelecomAnswers {

    private static final Map<String, ZaloErrorKind> TWIRP_CODES = Map.ofEntries(
            Map.entry("invalid_argument", ZaloErrorKind.REJECTED),
            Map.entry("malformed", ZaloErrorKind.REJECTED),
            Map.entry("out_of_range", ZaloErrorKind.REJECTED),
            Map.entry("failed_precondition", ZaloErrorKind.REJECTED),
            Map.entry("not_found", ZaloErrorKind.REJECTED),
            Map.entry("already_exists", ZaloErrorKind.REJECTED),
            Map.entry("bad_route", ZaloErrorKind.REJECTED),
            Map.entry("unimplemented", ZaloErrorKind.REJECTED),
            Map.entry("unauthenticated", ZaloErrorKind.UNAUTHORIZED),
            Map.entry("permission_denied", ZaloErrorKind.UNAUTHORIZED),
            Map.entry("resource_exhausted", ZaloErrorKind.RATE_LIMITED),
            Map.entry("unavailable", ZaloErrorKind.UNAVAILABLE),
            Map.entry("internal", ZaloErrorKind.SERVER_ERROR),
            Map.entry("unknown", ZaloErrorKind.SERVER_ERROR),
            Map.entry("dataloss", ZaloErrorKind.SERVER_ERROR),
            Map.entry("deadline_exceeded", ZaloErrorKind.SERVER_ERROR),
            Map.entry("canceled", ZaloErrorKind.SERVER_ERROR),
            Map.entry("aborted", ZaloErrorKind.SERVER_ERROR));

    private ETelecomAnswers() {
    }

    static JsonNode success(HttpReply reply) {
        JsonNode json = ProviderJson.readObject(reply);
        if (json == null) {
            throw ProviderErrors.unreadable(reply);
        }
        if (reply.isSuccess()) {
            return json;
        }
        String code = ProviderJson.text(json, "code");
        String msg = ProviderJson.text(json, "msg");
        ZaloErrorKind kind = code != null ? TWIRP_CODES.getOrDefault(code, ProviderErrors.kindOf(reply.status()))
                : ProviderErrors.kindOf(reply.status());
        throw ProviderErrors.failure(kind, reply, code, msg);
    }
}
