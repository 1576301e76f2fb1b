package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** Reading requests and writing JSON answers on the JDK's HTTP server. */
final class HttpIo {

    /** The largest request body read; a larger one is answered as invalid without being read into memory. */
    static final int MAX_BODY = 1024 * 1024;

    private HttpIo() {
    }

    /** The request body, or {@code null} when it is larger than {@link #MAX_BODY}. */
    static byte[] body(HttpExchange exchange) throws IOException {
        return body(exchange, MAX_BODY);
    }

    /** The request body, or {@code null} (the rest read and dropped) when it is larger than {@code max} bytes. */
    static byte[] body(HttpExchange exchange, int max) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return data;
        }
    }

    /**
     * The request body as a JSON object.
     *
     * @throws Refusal (invalid) when it is not one
     */
    static JsonNode jsonObject(HttpExchange exchange) throws IOException {
        byte[] body = body(exchange);
        if (body == null) {
            throw Refusal.invalid("The request body is larger than " + MAX_BODY + " bytes");
        }
        if (body.length == 0) {
            throw Refusal.invalid("The request body is empty; a JSON object is expected");
        }
        JsonNode json;
        try {
            json = SandboxJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw Refusal.invalid("The request body must be a JSON object");
        }
        return json;
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or {@code null}. */
    static String bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.length() < 7 || !header.substring(0, 7).equalsIgnoreCase("Bearer ")) {
            return null;
        }
        return header.substring(7).strip();
    }

    static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    static void send(HttpExchange exchange, int status, Object json, String... headers) throws IOException {
        byte[] bytes = SandboxJson.MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An answer that is not JSON, or empty ({@code body} of length 0). */
    static void sendRaw(HttpExchange exchange, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The query parameters, decoded; a parameter given twice keeps its first value. */
    static Map<String, String> query(HttpExchange exchange) {
        return decodeForm(exchange.getRequestURI().getRawQuery());
    }

    /** {@code a=1&b=x%20y} into a map; a name given twice keeps its first value. */
    static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Reads and drops what is left of the request body, so the connection can be reused. A body already read
     * and closed is fine.
     */
    static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            if (!"Stream is closed".equals(e.getMessage())) {
                throw e;
            }
        }
    }
}
