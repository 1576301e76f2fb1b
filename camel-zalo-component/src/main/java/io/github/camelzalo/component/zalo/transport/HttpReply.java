package io.github.camelzalo.component.zalo.transport;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer that was read completely: status, headers (names in lower case, first value only) and body.
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpReply[" + status + ", " + body.length + " bytes]";
    }
}
