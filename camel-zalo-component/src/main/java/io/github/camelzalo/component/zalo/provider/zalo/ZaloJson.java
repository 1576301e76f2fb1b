package io.github.camelzalo.component.zalo.provider.zalo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelzalo.component.zalo.model.Quota;
import io.github.camelzalo.component.zalo.provider.ProviderJson;

/**
 * The official API's JSON, both ways: requests are built as trees (Jackson escapes every value), answers read
 * leniently, numbers from numbers or strings, ids kept as strings.
 */
final class ZaloJson {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private ZaloJson() {
    }

    static ObjectNode object() {
        return ProviderJson.MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return ProviderJson.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as the value of a query parameter, the way the user APIs take {@code data}. */
    static String query(String name, JsonNode value) {
        return name + "=" + URLEncoder.encode(new String(bytes(value), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(JsonNode node, String field) {
        return ProviderJson.text(node, field);
    }

    /** A number, or a string holding one; else {@code null}. */
    static Long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? v.longValue() : null;
        }
        if (v.isNumber()) {
            return (long) v.doubleValue();
        }
        try {
            return Long.valueOf(v.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asLong() != 0;
        }
        String s = v.asText().strip();
        return s.equals("1") || s.equalsIgnoreCase("true");
    }

    /** Epoch milliseconds, as a number or a string, as an instant; else {@code null}. */
    static Instant epochMillis(JsonNode node, String field) {
        Long millis = number(node, field);
        return millis == null || millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }

    /** {@code dd/MM/yyyy}, the user APIs' dates; else {@code null}. */
    static LocalDate day(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(t.strip(), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> {
                if (!v.isNull() && !v.isContainerNode()) {
                    out.add(v.asText());
                }
            });
        }
        return out;
    }

    /** The {@code quota} object of a message answer, or {@code null}. */
    static Quota quota(JsonNode q) {
        if (q == null || !q.isObject()) {
            return null;
        }
        Quota quota = new Quota();
        quota.setQuotaType(text(q, "quota_type"));
        quota.setRemain(number(q, "remain"));
        quota.setTotal(number(q, "total"));
        quota.setExpiredDate(text(q, "expired_date"));
        quota.setOwnerId(text(q, "owner_id"));
        quota.setOwnerType(text(q, "owner_type"));
        return quota;
    }
}
