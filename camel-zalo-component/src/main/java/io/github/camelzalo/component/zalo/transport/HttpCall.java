package io.github.camelzalo.component.zalo.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request to send. The headers carry credentials: they are never logged, and {@link #toString()} shows
 * only their names.
 *
 * @param method         {@code POST} or {@code GET}
 * @param uri            where to send it, query included
 * @param headers        the credential headers, e.g. {@code Authorization} or {@code access_token}
 * @param contentType    the body's content type, or {@code null} for a request without a body
 * @param body           the body, empty for a GET
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long the whole call may take, from now until the answer has been read
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String contentType, byte[] body,
        Duration connectTimeout, Duration requestTimeout) {

    public static final String JSON = "application/json";

    /** A JSON POST, as CareSoft and eTelecom take every call. */
    public HttpCall(URI uri, Map<String, String> headers, byte[] body, Duration connectTimeout,
                    Duration requestTimeout) {
        this("POST", uri, headers, JSON, body, connectTimeout, requestTimeout);
    }

    /** Whether the request carries a body (a GET does not). */
    public boolean hasBody() {
        return contentType != null;
    }

    /** The same request with another time limit, e.g. what is left of the call's after it waited for its turn. */
    public HttpCall withRequestTimeout(Duration timeout) {
        return new HttpCall(method, uri, headers, contentType, body, connectTimeout, timeout);
    }

    @Override
    public String toString() {
        return "HttpCall[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
               + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
