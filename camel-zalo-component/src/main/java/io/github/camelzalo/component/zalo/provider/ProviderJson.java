package io.github.camelzalo.component.zalo.provider;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * JSON as the providers write it: unknown fields ignored (providers add fields), flags as {@code true}/{@code 1}/
 * {@code "1"}/{@code null}, numbers as strings, ids as numbers.
 */
public final class ProviderJson {

    /**
     * Unknown fields are ignored, but a field given twice fails the read: {@code {"code":"errors",…,"code":"ok"}}
     * would otherwise count as its last value, a success.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final DateTimeFormatter PROVIDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ProviderJson() {
    }

    /** One writer per wire type, so that a write does not look its serializer up again. */
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return MAPPER.writerFor(type);
        }
    };

    public static byte[] write(Object wire) {
        try {
            return WRITERS.get(wire.getClass()).writeValueAsBytes(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether {@code text} goes into a JSON string as it is: printable ASCII, no quote, no backslash. */
    public static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * The body as a JSON object, or {@code null} when it is empty, not JSON, or not an object.
     *
     * @throws ProviderFailure when the JSON has a field twice, see {@link ProviderErrors#duplicateField}
     */
    public static JsonNode readObject(HttpReply reply) {
        if (reply.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(reply.body());
            return node != null && node.isObject() ? node : null;
        } catch (StreamReadException e) {
            String problem = e.getOriginalMessage();
            if (problem != null && problem.startsWith("Duplicate field")) {
                throw ProviderErrors.duplicateField(reply, problem);
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Maps a JSON object onto a wire type, or fails with {@link ZaloErrorKind#BAD_RESPONSE}. */
    public static <W> W convert(JsonNode node, Class<W> type, HttpReply reply) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ProviderFailure(ZaloErrorKind.BAD_RESPONSE, reply.status(), null,
                    "The answer is not the documented " + type.getSimpleName() + ": " + e.getOriginalMessage(), null);
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A provider time {@code yyyy-MM-dd HH:mm:ss} (ISO with a {@code T} also accepted), or {@code null}. */
    public static LocalDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        LocalDateTime plain = plainTime(t);
        if (plain != null) {
            return plain;
        }
        try {
            return t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, PROVIDER_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} read digit by digit: a DateTimeFormatter costs several times more, and every
     * user-status answer carries two such times. {@code null} for anything else, including a date that does not
     * exist, which the formatter then reads (it clamps a day past the month's end) or rejects;
     * ProviderJsonTest checks that both ways agree.
     */
    private static LocalDateTime plainTime(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' '
            || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || year == 0) {
            // year 0 is no year of the era that the pattern's yyyy counts
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written in {@code t[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** {@code true}, {@code 1}, {@code "1"}, {@code "true"} are true; {@code false}, {@code 0}, {@code null}, absent are false. */
    public static final class LenientBoolean extends StdDeserializer<Boolean> {
        public LenientBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_TRUE:
                    return true;
                case VALUE_FALSE:
                    return false;
                case VALUE_NUMBER_INT:
                    return p.getLongValue() != 0;
                case VALUE_NUMBER_FLOAT:
                    return p.getDoubleValue() != 0;
                case VALUE_STRING:
                    String s = p.getText().strip();
                    return s.equals("1") || s.equalsIgnoreCase("true");
                default:
                    p.skipChildren();
                    return false;
            }
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) {
            return false;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return false;
        }
    }

    /** A number, or a string holding one ({@code "10"}); anything else, including {@code ""}, is {@code null}. */
    public static final class LenientLong extends StdDeserializer<Long> {
        public LenientLong() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Long.valueOf(p.getText().strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            p.skipChildren();
            return null;
        }
    }
}
