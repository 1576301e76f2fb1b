package io.github.camelzalo.component.zalo.provider.caresoft;

import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.provider.ProviderErrors;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * CareSoft answers {@code {"code":"ok"|"errors","message":…}}. An {@code errors} code is a failure even with
 * HTTP 200; HTTP 404 "Domain incorrect too many times" is the 15-minute lock-out after 20 consecutive 429s.
 */
final class CareSoftAnswers {

    static final Duration LOCK_OUT = Duration.ofMinutes(15);

    private CareSoftAnswers() {
    }

    /** The answer as JSON when it is a success ({@code code} {@code ok}), else the failure it describes. */
    static JsonNode success(HttpReply reply) {
        JsonNode json = ProviderJson.readObject(reply);
        if (json == null) {
            throw ProviderErrors.unreadable(reply);
        }
        String code = ProviderJson.text(json, "code");
        String message = ProviderJson.text(json, "message");
        if (reply.isSuccess() && "ok".equals(code)) {
            return json;
        }
        int status = reply.status();
        if (status == 404 && message != null && message.toLowerCase(Locale.ROOT).contains("too many times")) {
            Duration wait = ProviderErrors.retryAfter(reply);
            throw new ProviderFailure(ZaloErrorKind.LOCKED_OUT, status, code, message.strip(),
                    wait != null ? wait : LOCK_OUT);
        }
        if (reply.isSuccess()) {
            ZaloErrorKind kind = "errors".equals(code) ? ZaloErrorKind.REJECTED : ZaloErrorKind.BAD_RESPONSE;
            throw new ProviderFailure(kind, status, code,
                    message != null ? message : "The answer has no code \"ok\"", null);
        }
        throw ProviderErrors.failure(ProviderErrors.kindOf(status), reply, code, message);
    }
}
