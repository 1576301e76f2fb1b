package io.github.camelzalo.component.zalo.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One JSON POST to send. The headers carry credentials: they are never logged, and {@link #toString()} shows only
 * their names.
 *
 * @param uri            where to send it
 * @param headers        the credential headers, e.g. {@code Authorization}
 * @param body           the JSON body
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long the whole call may take, from now until the answer has been read
 */
public record HttpCall(URI uri, Map<String, String> headers, byte[] body, Duration connectTimeout,
        Duration requestTimeout) {

    /** The same request with another time limit, e.g. what is left of the call's after it waited for its turn. */
    public HttpCall withRequestTimeout(Duration timeout) {
        return new HttpCall(uri, headers, body, connectTimeout, timeout);
    }

    @Override
    public String toString() {
        return "HttpCall[POST " + uri + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
