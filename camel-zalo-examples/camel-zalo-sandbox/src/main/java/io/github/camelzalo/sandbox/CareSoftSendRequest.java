package io.github.camelzalo.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of CareSoft's {@code send-message}, checked the way CareSoft documents it:
 * {@code {"zalo":{"phone_no"|"user_id", "oa_id", "script_id"+"template_params" | "message"}}}.
 */
record CareSoftSendRequest(Recipient recipient, String oaId, Long scriptId, Map<String, String> templateParams,
        String message) {

    static final int MAX_MESSAGE_LENGTH = 1000;

    /** @throws Refusal (invalid) naming the first field that breaks a rule */
    static CareSoftSendRequest parse(JsonNode body) {
        JsonNode zalo = body.get("zalo");
        if (zalo == null || !zalo.isObject()) {
            throw Refusal.invalid("The zalo field is required and must be an object");
        }
        String phone = SandboxJson.text(zalo, "phone_no");
        String userId = SandboxJson.text(zalo, "user_id");
        if ((phone == null) == (userId == null)) {
            throw Refusal.invalid("Exactly one of zalo.phone_no and zalo.user_id is required");
        }
        if (phone != null && PhoneNumbers.toNational(phone) == null) {
            throw Refusal.invalid("zalo.phone_no is not a valid phone number");
        }
        if (userId != null && !userId.matches("\\d{1,32}")) {
            throw Refusal.invalid("zalo.user_id must be an integer");
        }
        String oaId = SandboxJson.text(zalo, "oa_id");
        if (oaId == null || oaId.isBlank()) {
            throw Refusal.invalid("zalo.oa_id is required");
        }
        Long scriptId = scriptId(zalo);
        String message = SandboxJson.text(zalo, "message");
        if ((scriptId == null) == (message == null)) {
            throw Refusal.invalid("Exactly one of zalo.script_id and zalo.message is required");
        }
        if (message != null && message.isBlank()) {
            throw Refusal.invalid("zalo.message must not be empty");
        }
        if (message != null && message.codePointCount(0, message.length()) > MAX_MESSAGE_LENGTH) {
            throw Refusal.invalid("zalo.message may not be greater than " + MAX_MESSAGE_LENGTH + " characters");
        }
        Map<String, String> params = templateParams(zalo, scriptId != null);
        return new CareSoftSendRequest(phone != null ? Recipient.byPhone(phone) : Recipient.byContactId(userId),
                oaId.strip(), scriptId, params, message);
    }

    private static Long scriptId(JsonNode zalo) {
        JsonNode v = zalo.get("script_id");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() > 0) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().strip().matches("[1-9]\\d{0,17}")) {
            return Long.valueOf(v.asText().strip());
        }
        throw Refusal.invalid("zalo.script_id must be a positive integer");
    }

    private static Map<String, String> templateParams(JsonNode zalo, boolean withScript) {
        JsonNode v = zalo.get("template_params");
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!withScript) {
            throw Refusal.invalid("zalo.template_params can only be used with zalo.script_id");
        }
        if (!v.isObject()) {
            throw Refusal.invalid("zalo.template_params must be an object");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw Refusal.invalid("zalo.template_params." + e.getKey() + " must be text, a number or a boolean");
            }
            params.put(e.getKey(), value.asText());
        }
        return params;
    }
}
