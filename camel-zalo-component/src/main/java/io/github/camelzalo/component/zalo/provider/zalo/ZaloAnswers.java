package io.github.camelzalo.component.zalo.provider.zalo;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.provider.ProviderErrors;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * The official API answers {@code {"error":0,"message":"Success","data":{…}}}, and most failures with HTTP 200
 * too, {@code error} negative and {@code message} saying why. {@code error} may come as a number or as a quoted
 * number. An {@code error < 0} answer means the request was not processed.
 */
final class ZaloAnswers {

    private ZaloAnswers() {
    }

    /**
     * The {@code data} of a success (an empty object when the answer has none).
     *
     * @param codes what the API's error codes mean
     */
    static JsonNode data(HttpReply reply, Map<Integer, ZaloErrorKind> codes) {
        JsonNode json = ProviderJson.readObject(reply);
        if (json == null) {
            throw ProviderErrors.unreadable(reply);
        }
        JsonNode error = json.get("error");
        String message = ProviderJson.text(json, "message");
        Integer code = code(error);
        if (code != null && code < 0) {
            ZaloErrorKind kind = codes.getOrDefault(code, ZaloErrorKind.REJECTED);
            throw new ProviderFailure(kind, reply.status(), String.valueOf(code), message, null);
        }
        if (!reply.isSuccess()) {
            throw ProviderErrors.failure(ProviderErrors.kindOf(reply.status()), reply,
                    code == null ? null : String.valueOf(code), message);
        }
        if (code == null) {
            throw new ProviderFailure(ZaloErrorKind.BAD_RESPONSE, reply.status(), null,
                    "The answer has no error code" + (error != null ? " Zalo's clients can read" : ""), null);
        }
        JsonNode data = json.get("data");
        return data == null || data.isNull() ? ProviderJson.MAPPER.createObjectNode() : data;
    }

    /** {@code error} as a number, from a number or a quoted number; {@code null} when absent or neither. */
    static Integer code(JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isIntegralNumber() && error.canConvertToInt()) {
            return error.intValue();
        }
        if (error.isTextual()) {
            try {
                return Integer.valueOf(error.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
